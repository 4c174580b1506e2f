package dev.daytimeharness.conformance.clients;

import dev.daytimeharness.client.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client given as a command template: {@code {host}} and {@code {port}} in its arguments are
 * replaced, and {@code DAYTIME_HOST}/{@code DAYTIME_PORT} are set in its environment. Every
 * process it starts ends with its run, as far as {@code containment} can promise.
 *
 * @param template the command line
 * @param containment how its processes are kept from outliving a run
 */
public record CommandClient(List<String> template, Containment containment) implements ClientUnderTest {
    private static final int OUTPUT_CAP = 64 * 1024;
    /** How often the fallback looks at the client's process tree while it runs. */
    private static final Duration TREE_LOOK = Duration.ofMillis(50);

    /** A client contained as well as this machine allows. */
    public CommandClient(List<String> template) {
        this(template, Containment.detect());
    }

    @Override
    public ClientRun run(Endpoint server, Duration deadline) {
        List<String> command = template.stream()
                .map(a -> a.replace("{host}", server.host()).replace("{port}", String.valueOf(server.port())))
                .toList();
        ProcessBuilder pb = new ProcessBuilder(containment.wrap(command));
        pb.environment().put("DAYTIME_HOST", server.host());
        pb.environment().put("DAYTIME_PORT", String.valueOf(server.port()));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new ClientRun(127, "", "cannot run " + command.get(0) + ": " + e.getMessage(), Duration.ZERO, false);
        }
        Capture out = Capture.of(p.getInputStream());
        Capture err = Capture.of(p.getErrorStream());
        Tree tree = new Tree(p);
        // SIGINT or SIGTERM on the harness: the client goes with it, not to init.
        Thread onExit = new Thread(tree::kill, "client-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
        boolean finished;
        try {
            finished = containment.complete() ? p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    : tree.waitWatching(start + deadline.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        } finally {
            tree.kill();
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it kills the same tree.
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new ClientRun(finished ? p.exitValue() : -1, out.text(), err.text(), took, !finished);
    }

    @Override
    public String description() {
        return String.join(" ", template) + (containment.complete() ? "" : " [" + containment.guarantee() + "]");
    }

    /**
     * The client and every process seen below it. Killing the client's process ends a PID
     * namespace whole; without one, the processes seen while it ran are killed one by one.
     */
    static final class Tree {
        private final Process client;
        private final java.util.Set<ProcessHandle> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Tree(Process client) {
            this.client = client;
        }

        /** Waits for the client until {@code endNanos}, noting its descendants as they come. */
        boolean waitWatching(long endNanos) throws InterruptedException {
            while (true) {
                client.descendants().forEach(seen::add);
                long left = endNanos - System.nanoTime();
                if (left <= 0) {
                    return !client.isAlive();
                }
                if (client.waitFor(Math.min(left, TREE_LOOK.toNanos()), TimeUnit.NANOSECONDS)) {
                    return true;
                }
            }
        }

        void kill() {
            client.descendants().forEach(seen::add);
            // Through its handle, not Process.destroyForcibly(), which also closes the pipes: on a
            // client that has just exited that threw away output the reader had not read yet
            // (socat's whole reply, now and then, on a busy machine).
            client.toHandle().destroyForcibly();
            // A ProcessHandle knows its process's start time: a recycled PID is not killed.
            seen.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Reads a stream to its end in the background, keeping the first 64 KiB. */
    private static final class Capture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final InputStream in;
        private final Thread reader;

        private Capture(InputStream in) {
            this.in = in;
            reader = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (in) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        synchronized (kept) {
                            kept.write(buf, 0, Math.min(n, Math.max(0, OUTPUT_CAP - kept.size())));
                        }
                    }
                } catch (IOException ignored) {
                    // The process is gone.
                }
            }, "client-output");
            reader.setDaemon(true);
            reader.start();
        }

        static Capture of(InputStream in) {
            return new Capture(in);
        }

        /** What was read, once the stream ended or a second passed: a process that escaped may hold it open. */
        String text() {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                in.close();
            } catch (IOException ignored) {
                // Closed already, or broken: nothing more to read either way.
            }
            synchronized (kept) {
                return kept.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }
}
