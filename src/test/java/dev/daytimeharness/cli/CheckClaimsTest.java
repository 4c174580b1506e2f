package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daytimeharness.simulator.Behaviours;
import dev.daytimeharness.simulator.SimulatedServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --expected-failures} and {@code --profile} over real runs of {@code check} against the
 * simulator: XFAIL, XPASS and flaky; a profile's transports, format and zone.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CheckClaimsTest {
    @TempDir
    Path dir;

    private CliRun check(String behaviour, String... extra) throws Exception {
        try (SimulatedServer server = SimulatedServer.start(Behaviours.byName(behaviour),
                new InetSocketAddress("127.0.0.1", 0))) {
            String[] base = {"check", "127.0.0.1:" + server.port(), "--tags", "not @load", "--timeout", "2s",
                    "--report", dir.resolve("report").toString()};
            return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
        }
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private JsonObject results() throws Exception {
        return JsonParser.parseString(Files.readString(dir.resolve("report/results.json"))).getAsJsonObject();
    }

    @Test
    void listedFailuresAreXfailAndTheRunPasses() throws Exception {
        Path list = file("known.txt", "# a reset after half a line, accepted until 2.4\nDT-TCP-020\nDT-TCP-021\nDT-TCP-030\n");
        CliRun run = check("partial-then-reset", "--zone", "UTC", "--expected-failures", list.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^XFAIL DT-TCP-021 .*reset").doesNotContainPattern("(?m)^FAIL ")
                .containsPattern("(?m)^\\d+ scenarios: .*, 0 fail, .*, 3 xfail, 0 xpass$");
        assertThat(results().getAsJsonObject("summary").get("xfail").getAsInt()).isEqualTo(3);
        assertThat(results().getAsJsonObject("settings").get("expectedFailures").getAsString()).isEqualTo(list.toString());
    }

    @Test
    void aListedScenarioThatPassesIsXpassAndFailsTheRunSoTheListNeverGoesStale() throws Exception {
        Path list = file("known.txt", "DT-TCP-021\n");
        CliRun run = check("good", "--expected-failures", list.toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^XPASS DT-TCP-021 .*\\(remove it from " + java.util.regex.Pattern.quote(list.toString()) + "\\)$")
                .contains(", 0 xfail, 1 xpass");
        assertThat(results().getAsJsonObject("exit").get("code").getAsInt()).isEqualTo(1);
    }

    @Test
    void aFlakyOneMayPass() throws Exception {
        CliRun run = check("good", "--expected-failures", file("known.txt", "DT-TCP-021 flaky\n").toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^PASS  DT-TCP-021 ");
    }

    @Test
    void anUnknownIdIsAUsageErrorNamingTheLine() throws Exception {
        Path list = file("known.txt", "DT-TCP-021\n\nDT-TCP-0210\n");
        CliRun run = CliRun.of("check", "--expected-failures", list.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("daytime-harness: --expected-failures " + list
                + ":3: unknown scenario ID 'DT-TCP-0210' (IDs look like DT-TCP-010; 'check --help' and the README list them)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aProfileWithoutUdpSkipsTheUdpScenariosSayingSoAndIsEchoed() throws Exception {
        Path profile = file("profile.json", "{\"transports\": [\"tcp\"], \"zone\": \"Asia/Tokyo\"}");
        CliRun run = check("format", "--profile", profile.toString());
        assertThat(run.out()).containsPattern("(?m)^SKIP  DT-UDP-001 .*: the profile declares no UDP$")
                .containsPattern("(?m)^WARN  DT-TCP-007 .*read as Asia/Tokyo");
        JsonObject echoed = results().getAsJsonObject("profile");
        assertThat(echoed.getAsJsonArray("transports").toString()).isEqualTo("[\"tcp\"]");
        assertThat(echoed.get("zone").getAsString()).isEqualTo("Asia/Tokyo");
        assertThat(results().getAsJsonObject("settings").get("zone").getAsString()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void aReplyInAnotherFormatThanDeclaredFailsTheFormatCheck() throws Exception {
        CliRun run = check("good", "--zone", "UTC", "--profile", file("profile.json", "{\"format\": \"ctime\"}").toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^FAIL  DT-TCP-005 .*: the reply is in [a-z0-9-]+, but the profile declares ctime");
    }

    @Test
    void aBadProfileIsAUsageError() throws Exception {
        CliRun run = CliRun.of("check", "--profile", file("profile.json", "{\"transports\": [\"quic\"]}").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--profile " + dir.resolve("profile.json") + ": unknown transport \"quic\"");
    }

    @Test
    void aLineEndingOtherThanDeclaredFailsTheLineEndingCheck() throws Exception {
        CliRun run = check("good", "--zone", "UTC", "--profile", file("profile.json", "{\"lineEnding\": \"LF\"}").toString());
        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^FAIL  DT-TCP-010 .*: the reply ends its lines with CRLF, but the profile declares LF$");
    }

    @Test
    void theDeclaredLineEndingKeepsTheUsualVerdictWhereTheReplyKeepsThePromise() throws Exception {
        CliRun crlf = check("good", "--zone", "UTC", "--profile", file("crlf.json", "{\"lineEnding\": \"CRLF\"}").toString());
        assertThat(crlf.out()).containsPattern("(?m)^PASS  DT-TCP-010 ");
        CliRun lf = check("nist", "--zone", "UTC", "--profile", file("lf.json", "{\"lineEnding\": \"LF\"}").toString());
        assertThat(lf.out()).containsPattern("(?m)^WARN  DT-TCP-010 .*not CR LF");
    }

    @Test
    void aProfileWithoutTcpSkipsTheTcpScenariosAndNeverAsksOverTcp() throws Exception {
        // The reference server, UDP only as far as the profile says: nothing over TCP is judged.
        CliRun run = CliRun.of("check", "--tags", "not @load", "--report", dir.resolve("report").toString(),
                "--profile", file("udp.json", "{\"transports\": [\"udp\"]}").toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^SKIP  DT-TCP-001 .*: the profile declares no TCP$")
                .containsPattern("(?m)^SKIP  DT-TCP-010 .*: the profile declares no TCP$")
                .containsPattern("(?m)^PASS  DT-UDP-001 ").doesNotContainPattern("(?m)^PASS  DT-TCP-");
        assertThat(results().getAsJsonObject("profile").getAsJsonArray("transports").toString()).isEqualTo("[\"udp\"]");
    }
}
