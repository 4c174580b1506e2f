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
 * replaced, and {@code DAYTIME_HOST}/{@code DAYTIME_PORT} are set in its environment.
 */
public record CommandClient(List<String> template) implements ClientUnderTest {
    private static final int OUTPUT_CAP = 64 * 1024;

    @Override
    public ClientRun run(Endpoint server, Duration deadline) {
        List<String> command = template.stream()
                .map(a -> a.replace("{host}", server.host()).replace("{port}", String.valueOf(server.port())))
                .toList();
        ProcessBuilder pb = new ProcessBuilder(command);
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
        boolean finished;
        try {
            finished = p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            // The whole tree: a shell wrapper's children would otherwise outlive it.
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new ClientRun(finished ? p.exitValue() : -1, out.text(), err.text(), took, !finished);
    }

    @Override
    public String description() {
        return String.join(" ", template);
    }

    /** Reads a stream to its end in the background, keeping the first 64 KiB. */
    private static final class Capture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread reader;

        private Capture(InputStream in) {
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

        String text() {
            try {
                reader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                return kept.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }
}
