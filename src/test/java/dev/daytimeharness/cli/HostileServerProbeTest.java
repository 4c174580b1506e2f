package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe of issue 19 against {@code check} and {@code get}: hostile servers on loopback whose
 * replies try to drive the terminal or overrun the read cap. Each case is one short run.
 */
@Tag("probe")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileServerProbeTest {
    /** A reply that would print a green PASS line, ring the bell, and clear the line after it. */
    private static final String FAKE_PASS = "\u001b[32mPASS  DT-TCP-001  all good\u001b[0m\u0007\u001b[2K\r\n";

    @TempDir
    Path reports;

    private CliRun check(int port, String tags) {
        return CliRun.of("check", "127.0.0.1:" + port, "--timeout", "2s", "--zone", "UTC", "--tags", tags,
                "--report", reports.toString());
    }

    @Test
    void checkShowsAServersTerminalControlsEscapedInItsLinesAndReports() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying(FAKE_PASS.getBytes(StandardCharsets.ISO_8859_1))) {
            CliRun run = check(server.port(), "@DT-TCP-005 or @DT-TCP-009");
            assertThat(run.out()).as(run.out()).containsPattern("(?m)^WARN +DT-TCP-005 .*\\\\e\\[32mPASS")
                    .containsPattern("(?m)^WARN +DT-TCP-009 ")
                    .doesNotContain("\u001b").doesNotContain("\u0007");
            for (String report : new String[] {"report.html", "results.json", "junit.xml", "cucumber.json", "cucumber.html"}) {
                assertThat(Files.readString(reports.resolve(report), StandardCharsets.ISO_8859_1)).as(report)
                        .doesNotContain("\u001b").doesNotContain("\u0007");
            }
        }
    }

    @Test
    void getPrintsTheReplysLinesWithItsControlsEscaped() throws Exception {
        try (ScriptedServer server = ScriptedServer.replying(FAKE_PASS.getBytes(StandardCharsets.ISO_8859_1))) {
            CliRun run = CliRun.of("get", "127.0.0.1:" + server.port(), "--timeout", "2s", "--verbose");
            String shown = run.out() + run.err();
            assertThat(shown).as(shown).contains("\\e[32mPASS").contains("\\x07")
                    .doesNotContain("\u001b").doesNotContain("\u0007");
        }
    }

    @Test
    void aTenMegabyteLineIsSaidToBeOverTheReadCapWithWhatItBeganWith() throws Exception {
        byte[] line = new byte[10 * 1024 * 1024 + 2];
        Arrays.fill(line, (byte) 'x');
        line[0] = 0x1b;
        line[line.length - 2] = '\r';
        line[line.length - 1] = '\n';
        try (ScriptedServer server = ScriptedServer.replying(line)) {
            CliRun run = check(server.port(), "@DT-TCP-020 or @DT-TCP-010 or @DT-TCP-040");
            assertThat(run.out()).as(run.out())
                    .containsPattern("(?m)^FAIL +DT-TCP-020 .*longer than the read cap of 65536 bytes; it began \"\\\\exxx")
                    .containsPattern("(?m)^WARN +DT-TCP-010 .*longer than the read cap.*line ending, if it has one, was not seen")
                    .containsPattern("(?m)^FAIL +DT-TCP-040 .*longer than the read cap")
                    .doesNotContain("streams without end").doesNotContain("has no line ending").doesNotContain("\u001b");
        }
    }
}
