package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The probe of issue 19 against {@code check-client}: a client whose output tries to drive the terminal. */
@Tag("probe")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileClientProbeTest {
    @TempDir
    Path reports;

    @Test
    void aClientsNulAndEscapeBytesAreShownEscaped() throws Exception {
        assumeTrue(onPath("bash"), "bash is not on PATH to run a client that reads the server over /dev/tcp");
        // Reads the reply, then prints a NUL, a fake green PASS and a bell instead of the time.
        String client = "exec 3<>/dev/tcp/$DAYTIME_HOST/$DAYTIME_PORT; cat <&3 >/dev/null;"
                + " printf '\\000\\033[32mPASS  DT-CLI-001\\033[0m\\007\\n'";
        CliRun run = CliRun.of("check-client", "--env-only", "--tags", "@DT-CLI-001", "--client-timeout", "6s",
                "--report", reports.toString(), "--", "bash", "-c", client);
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).as(run.out()).containsPattern("(?m)^FAIL +DT-CLI-001 .*\\\\0\\\\e\\[32mPASS")
                .doesNotContain("\0").doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(Files.readString(reports.resolve("report.html"), StandardCharsets.ISO_8859_1))
                .doesNotContain("\0").doesNotContain("\u001b");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
