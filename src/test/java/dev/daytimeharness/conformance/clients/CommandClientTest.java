package dev.daytimeharness.conformance.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.daytimeharness.client.Endpoint;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No process a client under test starts outlives its run: the probe found one {@code setsid}
 * daemon left per scenario, owned by init. Real processes, found afterwards by a sleep argument
 * no other process has.
 */
@Tag("probe")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommandClientTest {
    private static final Endpoint NOWHERE = new Endpoint("127.0.0.1", 9);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final String marker = String.format(Locale.ROOT, "300.%06d", new Random().nextInt(1_000_000));

    @Test
    void aDaemonThatLeftItsSessionDiesWithTheRunInAPidNamespace() throws Exception {
        Containment here = Containment.detect();
        assumeTrue(here.complete(), "no PID namespace on this machine: " + here.guarantee());
        CommandClient client = new CommandClient(List.of("sh", "-c", "setsid sleep " + marker + " & exit 0"), here);

        ClientRun run = client.run(NOWHERE, DEADLINE);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(leftRunning()).as("processes left running").isEmpty();
    }

    @Test
    void theFallbackKillsADaemonItSawWhileTheClientRan() throws Exception {
        CommandClient client = new CommandClient(List.of("sh", "-c", "setsid sleep " + marker + " & sleep 1"),
                new Containment.ProcessTree("a test of the fallback"));

        ClientRun run = client.run(NOWHERE, DEADLINE);

        assertThat(run.killed()).isFalse();
        assertThat(leftRunning()).as("processes left running").isEmpty();
        assertThat(client.description()).contains("weaker process guarantee: a test of the fallback");
    }

    @Test
    void aClientThatOverrunsItsDeadlineIsKilledWithItsChildren() throws Exception {
        CommandClient client = new CommandClient(List.of("sh", "-c", "sleep " + marker + "; true"));

        ClientRun run = client.run(NOWHERE, Duration.ofMillis(500));

        assertThat(run.killed()).isTrue();
        assertThat(leftRunning()).as("processes left running").isEmpty();
    }

    @Test
    void theClientIsNotTheNamespacesFirstProcess() throws Exception {
        Containment here = Containment.detect();
        assumeTrue(here.complete(), "no PID namespace on this machine: " + here.guarantee());
        // A PID 1 ignores SIGTERM it has no handler for; the client must die of it as anywhere else.
        CommandClient client = new CommandClient(List.of("sh", "-c", "kill -TERM $$; sleep " + marker), here);

        ClientRun run = client.run(NOWHERE, DEADLINE);

        assertThat(run.killed()).isFalse();
        assertThat(run.exitCode()).as("128 + SIGTERM").isEqualTo(143);
    }

    @Test
    void killingAClientThatHasExitedLeavesItsOutputToRead() throws Exception {
        // The order a busy machine gives: the client exits, the run ends it, and only then does the
        // reader get to its output. Killing through Process.destroyForcibly() closed the pipe.
        Process p = new ProcessBuilder("printf", "02 DEC 2026 23:04:50 UTC").start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

        new CommandClient.Tree(p).kill();

        assertThat(new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("02 DEC 2026 23:04:50 UTC");
    }

    /** Waits a little for the kernel to reap, then lists what is still there. */
    private List<ProcessHandle> leftRunning() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<ProcessHandle> left = sleepers();
        while (!left.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
            left = sleepers();
        }
        left.forEach(ProcessHandle::destroyForcibly);
        return left;
    }

    private List<ProcessHandle> sleepers() {
        return ProcessHandle.allProcesses()
                .filter(h -> h.info().command().orElse("").endsWith("sleep"))
                .filter(h -> h.info().commandLine().orElse("").contains(marker))
                .toList();
    }
}
