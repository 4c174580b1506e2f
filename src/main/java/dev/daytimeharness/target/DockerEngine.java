package dev.daytimeharness.target;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.daytimeharness.client.Endpoint;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine that Testcontainers drives: whether one can be used here (and if not, why, in
 * one line), which local images it has, and removing this JVM's containers when it exits.
 *
 * <p>No registry is reachable where this runs, so Testcontainers' reaper container (ryuk) cannot
 * be pulled: it must be off ({@code TESTCONTAINERS_RYUK_DISABLED=true}, which Testcontainers 2.0.5
 * reads from the environment only, not from {@code testcontainers.properties}), and
 * {@link #removeContainersAtExit()} does its job instead.
 */
public final class DockerEngine {

    /** Where a Linux engine listens when {@code DOCKER_HOST} does not say otherwise. */
    public static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");

    static final String HINT = "run .ci/docker.sh as root to install and start one";
    static final Duration PING_DEADLINE = Duration.ofSeconds(5);

    /** Whether an engine can run our containers; {@code reason} says why not, in one line. */
    public record Availability(boolean available, String reason) {
        static Availability yes() {
            return new Availability(true, "a Docker engine answers");
        }

        static Availability no(String reason) {
            return new Availability(false, reason);
        }
    }

    private static Availability cached;
    private static final AtomicBoolean REMOVAL_AT_EXIT = new AtomicBoolean();

    private DockerEngine() {
    }

    /** Checks once per JVM: the socket answers a ping, Testcontainers connects, no reaper image is needed. */
    public static synchronized Availability availability() {
        if (cached == null) {
            cached = check();
        }
        return cached;
    }

    private static Availability check() {
        String dockerHost = System.getenv("DOCKER_HOST");
        boolean local = dockerHost == null || dockerHost.startsWith("unix://");
        if (local) {
            Path socket = dockerHost == null ? DEFAULT_SOCKET : Path.of(dockerHost.substring("unix://".length()));
            Optional<String> problem = ping(socket, PING_DEADLINE);
            if (problem.isPresent()) {
                return Availability.no(problem.get());
            }
        }
        // Checked before Testcontainers connects: with the reaper on, connecting pulls it, and with
        // no registry that takes minutes of retries before it fails.
        if (!"true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            return Availability.no("Testcontainers would pull its reaper image (testcontainers/ryuk) and no registry is"
                    + " reachable: set TESTCONTAINERS_RYUK_DISABLED=true (the Maven build does)");
        }
        if (local && wouldPullHostHelper(System.getenv(), Path.of("/.dockerenv"))) {
            return Availability.no("Testcontainers would pull a helper image to find the Docker host (this machine"
                    + " has /.dockerenv): set TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 (./daytime-harness and the Maven"
                    + " build do)");
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Availability.no("Testcontainers finds no Docker engine (" + HINT + ")");
            }
            String host = DockerClientFactory.instance().dockerHostIpAddress();
            if (local && !new Endpoint(host, 0).isLoopback()) {
                // It takes /.dockerenv to mean "inside a container" and aims at the bridge gateway;
                // a local engine publishes on loopback, and tests talk to loopback only.
                return Availability.no("Testcontainers would reach containers at " + host + ", not loopback:"
                        + " set TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 (the Maven build does)");
            }
        } catch (RuntimeException e) {
            return Availability.no("Testcontainers cannot use the Docker engine: " + e.getMessage());
        }
        return Availability.yes();
    }

    /**
     * Testcontainers takes /.dockerenv to mean "inside a container" and, to find the Docker host's
     * address, starts a helper image it must pull: with no registry, two silent minutes of retries.
     * A local engine publishes on loopback, which {@code TESTCONTAINERS_HOST_OVERRIDE} says.
     */
    static boolean wouldPullHostHelper(Map<String, String> env, Path dockerenv) {
        return env.get("TESTCONTAINERS_HOST_OVERRIDE") == null && Files.exists(dockerenv);
    }

    /**
     * Asks the engine's API for {@code GET /_ping} over its Unix socket; empty when it answers 200,
     * otherwise what went wrong. Done by hand so that a missing engine costs one failed connect,
     * not Testcontainers' whole search for one.
     */
    static Optional<String> ping(Path socket, Duration deadline) {
        if (!Files.exists(socket)) {
            return Optional.of("no Docker engine: " + socket + " does not exist (" + HINT + ")");
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            String statusLine = readAll(channel, deadline).lines().findFirst().orElse("");
            String[] status = statusLine.split(" ", 3);
            if (status.length > 1 && status[0].startsWith("HTTP/") && status[1].equals("200")) {
                return Optional.empty();
            }
            String said = statusLine.isEmpty() ? "nothing" : "'" + statusLine + "'";
            return Optional.of("the Docker engine at " + socket + " answered " + said + " to a ping (" + HINT + ")");
        } catch (IOException e) {
            return Optional.of("cannot reach the Docker engine at " + socket + ": " + e.getMessage() + " (" + HINT + ")");
        }
    }

    /** Reads until the engine closes the connection (HTTP/1.0) or the deadline passes. */
    private static String readAll(SocketChannel channel, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        StringBuilder text = new StringBuilder();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        channel.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            long left;
            while ((left = end - System.nanoTime()) > 0 && text.length() < 65536) {
                selector.select(Math.max(1, left / 1_000_000));
                selector.selectedKeys().clear();
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    return text.toString();
                }
                text.append(new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1));
            }
        }
        throw new IOException("no complete answer to a ping within " + deadline.toMillis() + " ms");
    }

    /** True when the engine has {@code image} locally (nothing is ever pulled here). */
    public static boolean hasImage(String image) {
        try {
            client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The TCP ports a local image declares (EXPOSE); empty when it declares none or is not here. */
    public static java.util.Set<Integer> declaredTcpPorts(String image) {
        try {
            var config = client().inspectImageCmd(image).exec().getConfig();
            var exposed = config == null ? null : config.getExposedPorts();
            return exposed == null ? java.util.Set.of() : java.util.Arrays.stream(exposed)
                    .filter(p -> p.getProtocol() == com.github.dockerjava.api.model.InternetProtocol.TCP)
                    .map(com.github.dockerjava.api.model.ExposedPort::getPort)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        } catch (NotFoundException e) {
            return java.util.Set.of();
        }
    }

    /** A label of a local image, as {@code docker/build-local.sh} records facts about what it built. */
    public static Optional<String> imageLabel(String image, String label) {
        try {
            var config = client().inspectImageCmd(image).exec().getConfig();
            return Optional.ofNullable(config == null || config.getLabels() == null ? null : config.getLabels().get(label));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** Ids of every container this JVM created, running or not (Testcontainers labels each with its session). */
    public static List<String> sessionContainers() {
        return client().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL, DockerClientFactory.SESSION_ID))
                .exec().stream().map(Container::getId).toList();
    }

    /**
     * Removes this JVM's containers and networks when it exits: the reaper's job, for a run that
     * ends without closing them (a killed test, a failed start). Testcontainers' own exit hook does
     * the same for the containers it knows about; this one also catches those it lost track of, so
     * "already gone" and "removal in progress" from the engine are expected. Registering twice is
     * harmless.
     */
    public static void removeContainersAtExit() {
        if (REMOVAL_AT_EXIT.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(DockerEngine::removeSessionResources, "daytime-harness-container-removal"));
            quietAboutRemovalRaces();
        }
    }

    /**
     * Testcontainers' exit hook removes the same containers as this one, and whichever comes second
     * is told 409 "removal already in progress" (or 404). Ours expects that; Testcontainers' hook
     * does not catch it, and the JVM would print its stack trace on an interrupted run. During
     * shutdown, and for those two answers only, the trace is dropped: the container is going.
     */
    static void quietAboutRemovalRaces() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if ((e instanceof ConflictException || e instanceof NotFoundException) && shuttingDown()) {
                return;
            }
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else {
                // What the JVM prints when nobody handles it.
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace();
            }
        });
    }

    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static void removeSessionResources() {
        try {
            DockerClient docker = client();
            for (String id : sessionContainers()) {
                ignoringAlreadyGone(() -> docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec());
            }
            docker.listNetworksCmd()
                    .withFilter("label", List.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL + "=" + DockerClientFactory.SESSION_ID))
                    .exec().forEach(network -> ignoringAlreadyGone(() -> docker.removeNetworkCmd(network.getId()).exec()));
        } catch (RuntimeException e) {
            // The JVM is exiting: nobody is left to tell but stderr.
            System.err.println("daytime-harness: could not remove this run's containers: " + e.getMessage()
                    + " (see docker ps -a --filter label=" + DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL + ")");
        }
    }

    private static void ignoringAlreadyGone(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException | ConflictException e) {
            // Removed meanwhile, or being removed by Testcontainers' own exit hook.
        }
    }

    private static DockerClient client() {
        return DockerClientFactory.instance().client();
    }
}
