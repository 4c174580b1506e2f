package dev.daytimeharness.conformance.clients;

import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.target.DockerEngine;
import java.time.Duration;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

/**
 * A client packaged as an image: each run is a new container, given {@code args} (with
 * {@code {host}} and {@code {port}} replaced) and DAYTIME_HOST/DAYTIME_PORT. It shares this
 * machine's network, so it reaches the simulated servers on loopback as a local client would.
 *
 * @param image the client's image
 * @param args the arguments after the image's entrypoint
 */
public record ImageClient(String image, List<String> args) implements ClientUnderTest {
    private static final Duration POLL = Duration.ofMillis(50);

    @Override
    public ClientRun run(Endpoint server, Duration deadline) {
        String[] command = args.stream()
                .map(a -> a.replace("{host}", server.host()).replace("{port}", String.valueOf(server.port())))
                .toArray(String[]::new);
        DockerEngine.removeContainersAtExit();
        long start = System.nanoTime();
        try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image))) {
            c.withNetworkMode("host").withCommand(command)
                    .withEnv("DAYTIME_HOST", server.host()).withEnv("DAYTIME_PORT", String.valueOf(server.port()))
                    .withStartupCheckStrategy(new StartedIsEnough())
                    .waitingFor(new NoWait());
            c.start();
            boolean finished = awaitExit(c, start + deadline.toNanos());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String out = c.getLogs(OutputFrame.OutputType.STDOUT);
            String err = c.getLogs(OutputFrame.OutputType.STDERR);
            if (!finished) {
                return new ClientRun(-1, out, err, took, true);
            }
            Long code = state(c).getState().getExitCodeLong();
            return new ClientRun(code == null ? -1 : code.intValue(), out, err, took, false);
        }
    }

    private static boolean awaitExit(GenericContainer<?> c, long endNanos) {
        while (System.nanoTime() < endNanos) {
            if (!Boolean.TRUE.equals(state(c).getState().getRunning())) {
                return true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static InspectContainerResponse state(GenericContainer<?> c) {
        return c.getDockerClient().inspectContainerCmd(c.getContainerId()).exec();
    }

    @Override
    public String description() {
        return "image " + image + " " + String.join(" ", args);
    }

    /** The client may finish before Testcontainers looks: having started is all a client run needs. */
    private static final class StartedIsEnough extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(com.github.dockerjava.api.DockerClient client, String id) {
            return StartupStatus.SUCCESSFUL;
        }
    }

    /** A client listens on nothing, so there is nothing to wait for. */
    private static final class NoWait extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {
            // Deliberately empty: the run's own deadline bounds the client.
        }
    }
}
