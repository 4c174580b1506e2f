package dev.daytimeharness.target;

import dev.daytimeharness.client.Endpoint;
import java.util.Optional;

/**
 * A target ready to be tested.
 *
 * @param description what it is, for reports
 * @param tcp where it answers TCP
 * @param udp where it answers UDP, if it does
 * @param stopper what stops it (nothing, for a server someone else runs)
 * @param network the Docker network a container target sits on, for a Toxiproxy container to join
 * @param udpProxy what datagrams to {@link #udp} pass on their way to the server that drops an
 *                 empty one (Docker's userland proxy), if anything
 */
public record RunningTarget(String description, Endpoint tcp, Optional<Endpoint> udp, Stopper stopper,
                            Optional<ContainerNetwork> network, Optional<String> udpProxy) implements AutoCloseable {

    public RunningTarget(String description, Endpoint tcp, Optional<Endpoint> udp, Stopper stopper) {
        this(description, tcp, udp, stopper, Optional.empty(), Optional.empty());
    }

    /** How a proxy reaches the target: over the container network if there is one, else at {@link #tcp}. */
    public String upstreamForProxies() {
        return network.map(ContainerNetwork::upstream).orElse(tcp.toString());
    }

    @Override
    public void close() {
        stopper.stop();
    }

    /** Stops a target without checked exceptions: a failure to stop is not the user's problem. */
    @FunctionalInterface
    public interface Stopper {
        void stop();
    }
}
