package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * check-client against the reference client and the two example clients in examples/: the naive
 * one (one read into 1024 bytes, no timeout) must fail exactly where the classic bug bites, and the
 * correct one must pass everything.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckClientCommandTest {
    @TempDir
    Path dir;

    @Test
    void theReferenceClientPasses() {
        CliRun run = CliRun.of("check-client", "--client-timeout", "6s", "--report", dir.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("16 scenarios").doesNotContain("FAIL ");
    }

    @Test
    void theReferenceClientPassesOverUdp() {
        CliRun run = CliRun.of("check-client", "--udp", "--client-timeout", "6s", "--report", dir.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("7 scenarios: 7 pass").contains("DT-CLI-021").contains("DT-CLI-026");
    }

    @Test
    void theNaiveUdpClientFailsOnLossDuplicatesAndTruncation() throws Exception {
        Path naive = dir.resolve("naive_udp_client");
        Assumptions.assumeTrue(compile(naive, "examples/naive_udp_client.c"),
                "no C compiler (cc) here to build examples/naive_udp_client.c");
        CliRun run = CliRun.of("check-client", "--udp", "--client-timeout", "6s", "--report", dir.resolve("r").toString(),
                "--", naive.toString(), "{host}", "{port}");
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^FAIL +DT-CLI-022 .*killed")
                .containsPattern("(?m)^FAIL +DT-CLI-024 .*2 times")
                .containsPattern("(?m)^FAIL +DT-CLI-026 .*truncation")
                .containsPattern("(?m)^PASS +DT-CLI-020 ")
                .containsPattern("(?m)^PASS +DT-CLI-025 ");
    }

    @Test
    void theCorrectUdpClientPassesEverything() {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not on PATH to run examples/correct_udp_client.py");
        CliRun run = CliRun.of("check-client", "--udp", "--client-timeout", "6s", "--report", dir.toString(),
                "--", "python3", "examples/correct_udp_client.py", "{host}", "{port}");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("7 scenarios: 7 pass").doesNotContain("FAIL ");
    }

    @Test
    void theNaiveClientFailsOnFragmentsSilenceAndLongReplies() throws Exception {
        Path naive = dir.resolve("naive_client");
        Assumptions.assumeTrue(compile(naive, "examples/naive_client.c"), "no C compiler (cc) here to build examples/naive_client.c");
        CliRun run = CliRun.of("check-client", "--client-timeout", "6s", "--report", dir.resolve("r").toString(),
                "--", naive.toString(), "{host}", "{port}");
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^FAIL +DT-CLI-002 ")
                .containsPattern("(?m)^FAIL +DT-CLI-005 .*killed")
                .containsPattern("(?m)^FAIL +DT-CLI-003 .*truncation")
                .containsPattern("(?m)^PASS +DT-CLI-001 ")
                // A slow link delivers a one-line reply in one piece, only later (see ClassicToolsTest).
                .containsPattern("(?m)^PASS +DT-CLI-013 ");
    }

    @Test
    void theCorrectClientPassesEverything() {
        Assumptions.assumeTrue(onPath("python3"), "python3 is not on PATH to run examples/correct_client.py");
        CliRun run = CliRun.of("check-client", "--client-timeout", "6s", "--report", dir.toString(),
                "--", "python3", "examples/correct_client.py", "{host}", "{port}");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("FAIL ");
    }

    @Test
    void aClientThatNeverConnectsFailsWhatItShouldHavePrinted() {
        // `true` exits 0 at once without connecting: any output "contains" the nothing it was served.
        CliRun run = CliRun.of("check-client", "--env-only", "--client-timeout", "6s", "--report", dir.toString(),
                "--", "true");
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^FAIL +DT-CLI-001 .*never connected");
        for (String id : new String[] {"002", "003", "006", "012", "013", "014", "015", "016"}) {
            assertThat(run.out()).containsPattern("(?m)^FAIL +DT-CLI-" + id + " ");
        }
    }

    @Test
    void aClientThatFailsWithoutConnectingPassesOnlyNothingListens() {
        // `false` exits 1 at once: right only where no server was there to meet (DT-CLI-011).
        CliRun run = CliRun.of("check-client", "--env-only", "--client-timeout", "6s", "--report", dir.toString(),
                "--", "false");
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^PASS +DT-CLI-011 ");
        for (String id : new String[] {"003", "004", "005", "007", "008", "009", "010"}) {
            assertThat(run.out()).containsPattern("(?m)^FAIL +DT-CLI-" + id + " ");
        }
    }

    @Test
    void aCommandThatDoesNotExistIsAUsageError() {
        CliRun run = CliRun.of("check-client", "--", "no-such-daytime-client", "{host}", "{port}");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot find the client command 'no-such-daytime-client'");
    }

    @Test
    void aTemplateThatNeverGivesThePortIsAUsageError() {
        CliRun run = CliRun.of("check-client", "--", "python3", "examples/correct_client.py", "{host}");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("never learns the port");
    }

    private static boolean compile(Path out, String source) throws IOException, InterruptedException {
        if (!onPath("cc")) {
            return false;
        }
        Process p = new ProcessBuilder("cc", "-o", out.toString(), source).inheritIO().start();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (new File(d, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
