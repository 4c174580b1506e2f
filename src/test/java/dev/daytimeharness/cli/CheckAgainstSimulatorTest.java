package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.simulator.Behaviours;
import dev.daytimeharness.simulator.SimulatedServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The harness's self-test: {@code check} against every simulated misbehaviour must give the
 * expected verdict, caught by the expected scenario.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CheckAgainstSimulatorTest {
    @TempDir
    Path reports;

    private CliRun check(String behaviour, String... extra) throws Exception {
        try (SimulatedServer server = SimulatedServer.start(Behaviours.byName(behaviour),
                new InetSocketAddress("127.0.0.1", 0))) {
            String[] base = {"check", "127.0.0.1:" + server.port(), "--timeout", "2s", "--clients", "8",
                    "--report", reports.toString(), "--zone", "UTC"};
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                    .toArray(String[]::new);
            return CliRun.of(args);
        }
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @CsvSource({
            "silent,                DT-TCP-002",
            "never-closes,          DT-TCP-020",
            "close-without-sending, DT-TCP-002",
            "oversized,             DT-TCP-040",
            "endless,               DT-TCP-020",
            "non-ascii,             DT-TCP-003",
            "skewed,                DT-TCP-006",
            "frozen,                DT-TCP-012",
            "waits-for-input,       DT-TCP-002",
            "reset-after-accept,    DT-TCP-021",
            "partial-then-reset,    DT-TCP-021",
            "echo,                  DT-TCP-031",
            "one-at-a-time,         DT-TCP-060",
            "empty-line,            DT-TCP-004",
    })
    void errorsExitOneAndNameTheScenarioThatCaughtThem(String behaviour, String scenario) throws Exception {
        CliRun run = check(behaviour);
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).as(run.out()).containsPattern("(?m)^FAIL +" + scenario + " ");
    }

    @ParameterizedTest(name = "{0} warns {1}")
    @CsvSource({
            "fragmented,         DT-TCP-041",
            "lfcr,               DT-TCP-010",
            "nist,               DT-TCP-008",
            "leading-blank-line, DT-TCP-008",
            "nul-terminated,     DT-TCP-009",
            "no-line-ending,     DT-TCP-010",
            "slow,               DT-TCP-011",
            "multi-line,         DT-TCP-008",
            "format,             DT-TCP-007",
    })
    void warningsExitZeroAndShowTheWarning(String behaviour, String scenario) throws Exception {
        CliRun run = check(behaviour);
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).as(run.out()).containsPattern("(?m)^WARN +" + scenario + " ").doesNotContain("FAIL ");
    }

    @Test
    void aSilentServerFailsTheReplyChecksInsteadOfPassingThemForWantOfAReply() throws Exception {
        CliRun run = check("silent");
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).as(run.out())
                .containsPattern("(?m)^FAIL +DT-TCP-011 .*no reply arrived within 2000 ms")
                .containsPattern("(?m)^FAIL +DT-TCP-041 .*no reply arrived within 2000 ms")
                .containsPattern("(?m)^FAIL +DT-TCP-008 .*no reply arrived")
                .doesNotContainPattern("(?m)^PASS +DT-TCP-0(03|05|08|09|10|11|31|40|41) ");
    }

    @Test
    void aGoodServerPassesClean() throws Exception {
        CliRun run = check("good");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("FAIL ").doesNotContain("WARN ").contains("26 scenarios");
    }

    @Test
    void strictTurnsWarningsIntoFailures() throws Exception {
        CliRun run = check("lfcr", "--strict");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^FAIL +DT-TCP-010 .*failed by --strict");
    }

    @Test
    void writesJunitXmlHtmlAndJsonReports() throws Exception {
        check("good");
        assertThat(reports.resolve("junit.xml")).content().contains("<testsuite").contains("The server accepts a TCP connection");
        assertThat(reports.resolve("cucumber.html")).exists();
        assertThat(reports.resolve("cucumber.json")).content().contains("DT-TCP-060");
    }
}
