package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** check-client --profile: a client claims transports, and the scenarios of the others are skipped. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CheckClientProfileTest {
    @TempDir
    Path dir;

    private CliRun checkClient(String profile, String... tags) throws Exception {
        Path file = Files.writeString(dir.resolve("profile.json"), profile);
        String[] base = {"check-client", "--client-timeout", "6s", "--report", dir.resolve("report").toString(),
                "--profile", file.toString()};
        String[] args = tags.length == 0 ? base : java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.stream.Stream.of("--tags", tags[0])).toArray(String[]::new);
        return CliRun.of(args);
    }

    @Test
    void aClientClaimingOnlyUdpHasItsTcpScenariosSkipped() throws Exception {
        CliRun run = checkClient("{\"transports\": [\"udp\"]}", "@DT-CLI-001 or @DT-CLI-011 or @DT-CLI-020 or @DT-CLI-021");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^SKIP +DT-CLI-001 .*: the profile declares no TCP$")
                .containsPattern("(?m)^SKIP +DT-CLI-011 .*: the profile declares no TCP$")
                .containsPattern("(?m)^PASS +DT-CLI-020 ").containsPattern("(?m)^PASS +DT-CLI-021 ");
        String results = Files.readString(dir.resolve("report/results.json"));
        assertThat(JsonParser.parseString(results).getAsJsonObject().getAsJsonObject("profile")
                .getAsJsonArray("transports").toString()).isEqualTo("[\"udp\"]");
    }

    @Test
    void aClientClaimingBothRunsTheTcpAndTheUdpScenarios() throws Exception {
        CliRun run = checkClient("{\"transports\": [\"tcp\", \"udp\"]}", "@DT-CLI-001 or @DT-CLI-020 or @DT-CLI-021");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("3 scenarios: 3 pass");
    }

    @Test
    void aClientClaimingOnlyTcpHasItsUdpScenariosSkipped() throws Exception {
        CliRun run = checkClient("{\"transports\": [\"tcp\"]}", "@DT-CLI-001 or @udp");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^PASS +DT-CLI-001 ")
                .containsPattern("(?m)^SKIP +DT-CLI-020 .*: the profile declares no UDP$");
    }

    @Test
    void aClientsProfileDeclaresOnlyTransports() throws Exception {
        CliRun run = checkClient("{\"transports\": [\"tcp\"], \"format\": \"ctime\"}");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("a client's profile declares only transports").doesNotContain("Exception");
    }
}
