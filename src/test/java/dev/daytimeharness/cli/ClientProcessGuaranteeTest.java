package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-client leaves nothing running: not the daemon a client started with {@code setsid}, and
 * not the client itself when check-client is sent SIGTERM mid-run (the probe found both owned by
 * init afterwards).
 */
@Tag("probe")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientProcessGuaranteeTest {
    private static final Duration GONE = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final String marker = HarnessProcess.marker();

    /** Whatever a failed run left is not left to the next test. */
    @org.junit.jupiter.api.AfterEach
    void killLeftovers() {
        HarnessProcess.sleepers(marker).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aDaemonTheClientStartedIsGoneAfterTheRun() throws Exception {
        CliRun run = CliRun.of("check-client", "--tags", "@DT-CLI-001", "--env-only", "--report", dir.toString(),
                "--", "sh", "-c", "setsid sleep " + marker + " & exit 0");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(HarnessProcess.await(() -> HarnessProcess.sleepers(marker).isEmpty(), GONE))
                .as("the daemon is gone").isTrue();
        assertThat(run.err()).containsPattern("client processes: .*(own PID namespace|weaker process guarantee)");
    }

    @Test
    void sigtermOnCheckClientLeavesNoClientProcess() throws Exception {
        try (HarnessProcess run = HarnessProcess.start(dir.resolve("run.log"), "check-client", "--tags",
                "@DT-CLI-001", "--client-timeout", "60s", "--env-only", "--report", dir.resolve("r").toString(),
                "--", "sh", "-c", "setsid sleep " + marker + " & sleep " + marker)) {
            assertThat(HarnessProcess.await(() -> HarnessProcess.sleepers(marker).size() == 2, Duration.ofSeconds(60)))
                    .as("the client and its daemon started: %s", run.output()).isTrue();
            run.signal("TERM");
            run.awaitExit(Duration.ofSeconds(30));
        }
        assertThat(HarnessProcess.await(() -> HarnessProcess.sleepers(marker).isEmpty(), GONE))
                .as("no client process left: %s", HarnessProcess.sleepers(marker)).isTrue();
    }

    @Test
    void evenSigkillOnCheckClientLeavesNoClientProcessInAPidNamespace() throws Exception {
        var here = dev.daytimeharness.conformance.clients.Containment.detect();
        org.junit.jupiter.api.Assumptions.assumeTrue(here.complete(), "no PID namespace here: " + here.guarantee());
        try (HarnessProcess run = HarnessProcess.start(dir.resolve("run.log"), "check-client", "--tags",
                "@DT-CLI-001", "--client-timeout", "60s", "--env-only", "--report", dir.resolve("r").toString(),
                "--", "sh", "-c", "setsid sleep " + marker + " & sleep " + marker)) {
            assertThat(HarnessProcess.await(() -> HarnessProcess.sleepers(marker).size() == 2, Duration.ofSeconds(60)))
                    .as("the client and its daemon started: %s", run.output()).isTrue();
            // No shutdown hook runs: only the kernel's parent-death signal can end the client now.
            run.signal("KILL");
            run.awaitExit(Duration.ofSeconds(30));
            assertThat(HarnessProcess.await(() -> HarnessProcess.sleepers(marker).isEmpty(), GONE))
                    .as("no client process left: %s", HarnessProcess.sleepers(marker)).isTrue();
        }
    }
}
