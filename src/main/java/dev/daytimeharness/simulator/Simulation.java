package dev.daytimeharness.simulator;

import dev.daytimeharness.client.Endpoint;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * What {@code simulate} runs for one behaviour: its TCP server and, for a behaviour about UDP (an
 * amplifier), a UDP server on the same port number, as a daytime server has both on port 13.
 */
public final class Simulation implements AutoCloseable {
    private final SimulatedServer tcp;
    private final UdpSimulatedServer udp;

    private Simulation(SimulatedServer tcp, UdpSimulatedServer udp) {
        this.tcp = tcp;
        this.udp = udp;
    }

    /** @throws IOException when either port cannot be bound; nothing is left listening then */
    public static Simulation start(Behaviour behaviour, InetSocketAddress bind) throws IOException {
        SimulatedServer tcp = SimulatedServer.start(behaviour, bind);
        if (behaviour.datagramsPerRequest() == 0) {
            return new Simulation(tcp, null);
        }
        try {
            return new Simulation(tcp, UdpSimulatedServer.start(behaviour.datagramsPerRequest(),
                    new InetSocketAddress(bind.getAddress(), tcp.port())));
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    public Endpoint endpoint() {
        return tcp.endpoint();
    }

    public Optional<UdpSimulatedServer> udp() {
        return Optional.ofNullable(udp);
    }

    @Override
    public void close() {
        tcp.close();
        if (udp != null) {
            udp.close();
        }
    }
}
