package dev.daytimeharness.target;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Ready when the daytime port, through its mapped host port, sends at least one byte.
 *
 * <p>A plain listening-port check cannot tell: Docker's userland proxy accepts on the host port
 * before the server inside listens (and then closes at once), and Testcontainers' in-container
 * check needs a shell that a {@code FROM scratch} image does not have. A daytime server talks
 * first (RFC 867: "Once a connection is established the current date and time is sent out"), so
 * one byte is proof that it serves.
 */
final class DaytimeReplyWait extends AbstractWaitStrategy {

    private final int containerPort;
    private final Duration attemptDeadline;

    DaytimeReplyWait(int containerPort, Duration attemptDeadline) {
        this.containerPort = containerPort;
        this.attemptDeadline = attemptDeadline;
        // Five attempts a second: a JVM in a container starts in about a second, so the
        // default of one a second would add most of a second to every start.
        withRateLimiter(RateLimiterBuilder.newBuilder().withRate(5, TimeUnit.SECONDS).withConstantThroughput().build());
    }

    @Override
    protected void waitUntilReady() {
        String host = waitStrategyTarget.getHost();
        int port = waitStrategyTarget.getMappedPort(containerPort);
        long end = System.nanoTime() + startupTimeout.toNanos();
        String last = "no attempt was made";
        while (System.nanoTime() < end) {
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException("the container exited before serving daytime on " + containerPort
                        + "/tcp" + lastLogLine().map(line -> ": " + line).orElse(""));
            }
            AtomicReference<Optional<String>> problem = new AtomicReference<>();
            getRateLimiter().doWhenReady(() -> problem.set(firstByte(host, port)));
            if (problem.get().isEmpty()) {
                return;
            }
            last = problem.get().get();
        }
        throw new ContainerLaunchException("no daytime reply from " + host + ":" + port + " (container port "
                + containerPort + ") within " + startupTimeout.toSeconds() + "s: " + last);
    }

    /** Empty when a byte arrived; otherwise what happened instead. */
    private Optional<String> firstByte(String host, int port) {
        int millis = (int) attemptDeadline.toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            InputStream in = socket.getInputStream();
            return in.read() >= 0 ? Optional.empty() : Optional.of("the connection closed without a byte");
        } catch (SocketTimeoutException e) {
            return Optional.of("no byte within " + millis + " ms");
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<String> lastLogLine() {
        try {
            List<String> lines = waitStrategyTarget.getLogs().lines().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1).strip());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
