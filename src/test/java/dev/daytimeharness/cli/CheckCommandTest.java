package dev.daytimeharness.cli;

import dev.daytimeharness.client.ClosedPort;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckCommandTest {

    @Test
    void theEmbeddedReferenceServerPasses() {
        CliRun run = CliRun.of("check", "--report", "target/daytime-report/selftest");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("25 scenarios").contains("0 fail").doesNotContain("FAIL ");
    }

    @Test
    void aClosedPortIsOneLineAndExitOne() throws IOException {
        int port = ClosedPort.pick();
        CliRun run = CliRun.of("check", "127.0.0.1:" + port);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("connection refused");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnresolvableHostIsOneLineAndExitOne() {
        CliRun run = CliRun.of("check", "nosuchhost.invalid:13");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot resolve host nosuchhost.invalid");
    }

    @Test
    void aBadTagExpressionIsAUsageError() {
        CliRun run = CliRun.of("check", "--tags", "@must and (");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("bad --tags expression");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aToxiproxyContainerNeedsAContainerTarget() {
        CliRun run = CliRun.of("check", "--toxiproxy", "docker");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--toxiproxy docker needs a docker: target");
    }

    @Test
    void tagsSelectScenarios() {
        CliRun run = CliRun.of("check", "--tags", "@DT-TCP-001 or @DT-UDP-002", "--report", "target/daytime-report/selftest-tags");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("2 scenarios").contains("DT-TCP-001").contains("DT-UDP-002");
    }

    @Test
    void tagsThatMatchNothingSaySo() {
        CliRun run = CliRun.of("check", "--tags", "@no-such-tag", "--report", "target/daytime-report/selftest-none");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no scenario matches");
    }
}
