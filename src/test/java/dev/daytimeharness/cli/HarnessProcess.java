package dev.daytimeharness.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * daytime-harness as a process of its own, for what only a process shows: what a signal leaves
 * behind, and a lock held by another process. It runs from this JVM's classpath, with its output
 * in a file the test reads.
 */
final class HarnessProcess implements AutoCloseable {
    private static final Duration LOOK = Duration.ofMillis(50);

    private final Process process;
    private final Path output;

    private HarnessProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static HarnessProcess start(Path output, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                // A JVM started with SIGINT ignored (a background job of a script) would ignore it too.
                "env", "--default-signal=INT,TERM",
                java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new HarnessProcess(p, output);
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the output matches {@code pattern}; fails if the process ends first or time runs out. */
    void awaitOutput(Pattern pattern, Duration deadline) throws IOException, InterruptedException {
        if (!await(() -> pattern.matcher(output()).find() || !process.isAlive(), deadline)
                || !pattern.matcher(output()).find()) {
            throw new AssertionError("no " + pattern + " within " + deadline + "; the process said:\n" + output());
        }
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** Sends {@code signal} (INT, TERM) as kill(1) would. */
    void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -s " + signal + " " + process.pid() + " failed");
        }
    }

    int awaitExit(Duration deadline) throws InterruptedException {
        if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + deadline + "; it said:\n" + output());
        }
        return process.exitValue();
    }

    /** Polls {@code condition} until it holds or {@code deadline} passes; true if it held. */
    static boolean await(BooleanSupplier condition, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(LOOK.toMillis());
        }
        return true;
    }

    /**
     * A {@code sleep} argument no other process on this machine has: a test's client sleeps this
     * long, so its processes can be found by it, whatever namespace they went into.
     */
    static String marker() {
        return String.format(java.util.Locale.ROOT, "300.%06d", new java.util.Random().nextInt(1_000_000));
    }

    /** Every {@code sleep} on this machine given {@code marker}. */
    static List<ProcessHandle> sleepers(String marker) {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().command().orElse("").endsWith("sleep"))
                .filter(h -> h.info().commandLine().orElse("").contains(marker))
                .toList();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
