package dev.daytimeharness.target;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.daytimeharness.client.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A daytime server in a container image, taken as it is: exposes 13/tcp (and 13/udp on request),
 * is ready once port 13 sends a byte, and hands out the host-side endpoints to test against.
 *
 * <pre>{@code
 * try (DaytimeContainer server = new DaytimeContainer(DaytimeContainer.REFERENCE_IMAGE).withUdp()) {
 *     server.start();
 *     Endpoint tcp = server.daytimeEndpoint();   // e.g. localhost:32768
 *     Endpoint udp = server.udpEndpoint();
 * }
 * }</pre>
 *
 * Containers are removed on {@link #close()} and, failing that, when the JVM exits.
 */
public class DaytimeContainer extends GenericContainer<DaytimeContainer> {

    /** The reference server, built by {@code docker/build-local.sh} (no registry needed). */
    public static final String REFERENCE_IMAGE = "daytime-harness/reference:local";
    /** Debian's xinetd answering daytime itself: a third-party server, built the same way. */
    public static final String XINETD_IMAGE = "daytime-harness/xinetd:local";

    /** A JVM on two busy cores can take seconds to start; the deadline is generous on purpose. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** How long one readiness probe waits for the first byte of a reply. */
    public static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);

    private final int port;

    public DaytimeContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public DaytimeContainer(DockerImageName image) {
        this(image, Endpoint.DAYTIME_PORT);
    }

    /** A server that listens on {@code port} inside its container (13 unless the image says otherwise). */
    public DaytimeContainer(DockerImageName image, int port) {
        this(image, port, DEFAULT_STARTUP_TIMEOUT);
    }

    /** The same, given up on when no reply came within {@code startup} of the container's start. */
    public DaytimeContainer(DockerImageName image, int port, Duration startup) {
        super(image);
        this.port = port;
        withExposedPorts(port);
        waitingFor(new DaytimeReplyWait(port, PROBE_DEADLINE).withStartupTimeout(startup));
    }

    /**
     * Also publishes 13/udp, on a random host port as Testcontainers does for 13/tcp (it maps TCP
     * ports only, so the binding is added to the create command here).
     */
    public DaytimeContainer withUdp() {
        return withCreateContainerCmdModifier(cmd -> {
            ExposedPort udp = ExposedPort.udp(port);
            List<ExposedPort> exposed = new ArrayList<>(Arrays.asList(cmd.getExposedPorts()));
            if (!exposed.contains(udp)) {
                exposed.add(udp);
            }
            cmd.withExposedPorts(exposed);
            HostConfig host = cmd.getHostConfig();
            Ports bindings = host.getPortBindings() == null ? new Ports() : host.getPortBindings();
            bindings.bind(udp, Ports.Binding.empty());
            host.withPortBindings(bindings);
        });
    }

    /** Where a client on this host reaches the server's 13/tcp. */
    public Endpoint daytimeEndpoint() {
        return new Endpoint(getHost(), getMappedPort(port));
    }

    /** Where a client on this host reaches the server's 13/udp; needs {@link #withUdp()} or an image that exposes it. */
    public Endpoint udpEndpoint() {
        Ports.Binding[] bindings = getContainerInfo().getNetworkSettings().getPorts().getBindings().get(ExposedPort.udp(port));
        if (bindings == null || bindings.length == 0) {
            throw new IllegalStateException(port + "/udp of " + getDockerImageName() + " is not published (call withUdp() before start())");
        }
        return new Endpoint(getHost(), Integer.parseInt(bindings[0].getHostPortSpec()));
    }

    @Override
    public void start() {
        DockerEngine.removeContainersAtExit();
        super.start();
    }
}
