package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.daytimeharness.simulator.Behaviours;
import dev.daytimeharness.simulator.SimulatedServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report diff} and {@code report matrix} over the results of real runs of {@code check}
 * against the simulator: a good server, one that ends its line LF CR (a warning), and one that
 * resets half-way through its reply (failures).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReportCommandTest {
    @TempDir
    static Path dir;

    static Path good;
    static Path lfcr;
    static Path reset;

    @BeforeAll
    static void runCheckAgainstThreeBehaviours() throws Exception {
        good = check("good");
        lfcr = check("lfcr");
        reset = check("partial-then-reset");
    }

    static Path check(String behaviour) throws Exception {
        Path report = dir.resolve(behaviour);
        try (SimulatedServer server = SimulatedServer.start(Behaviours.byName(behaviour),
                new InetSocketAddress("127.0.0.1", 0))) {
            CliRun run = CliRun.of("check", "127.0.0.1:" + server.port(), "--tags", "not @load", "--timeout", "2s",
                    "--zone", "UTC", "--report", report.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isLessThanOrEqualTo(1);
        }
        return report;
    }

    @Test
    void everyReportDirHoldsResultsJsonAndAReadablePage() throws Exception {
        var json = JsonParser.parseString(Files.readString(reset.resolve("results.json"))).getAsJsonObject();
        assertThat(json.get("schemaVersion").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("target").get("kind").getAsString()).isEqualTo("remote");
        assertThat(json.getAsJsonObject("exit").get("code").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("settings").get("tags").getAsString()).isEqualTo("not @load");
        assertThat(json.getAsJsonObject("observed").get("closes").getAsString()).isEqualTo("reset");
        assertThat(json.getAsJsonArray("scenarios").asList()).anySatisfy(s -> {
            assertThat(s.getAsJsonObject().get("id").getAsString()).isEqualTo("DT-TCP-021");
            assertThat(s.getAsJsonObject().get("status").getAsString()).isEqualTo("fail");
            assertThat(s.getAsJsonObject().get("level").getAsString()).isEqualTo("must");
            assertThat(s.getAsJsonObject().get("finding").getAsString()).contains("reset");
        });
        assertThat(reset.resolve("report.html")).content().contains("DT-TCP-021").contains("<b>FAIL</b>")
                .contains("The server closes the connection");
    }

    @Test
    void aServerThatGotWorseFailsTheDiffNamingWhatNewlyFails() {
        CliRun run = CliRun.of("report", "diff", good.toString(), reset.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).containsPattern("(?m)^NEWLY FAILING DT-TCP-021 +The reply is not cut short by a reset: PASS -> FAIL \"")
                .containsPattern("(?m)^\\d+ newly failing, 0 fixed, .*: worse$");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theReverseIsAFixAndPasses() {
        CliRun run = CliRun.of("report", "diff", reset.resolve("results.json").toString(), good.resolve("results.json").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^FIXED +DT-TCP-021 ").doesNotContain("NEWLY FAILING");
    }

    @Test
    void aNewWarningIsWorseOnlyUnderStrict() {
        assertThat(CliRun.of("report", "diff", good.toString(), lfcr.toString()).exitCode()).isZero();
        CliRun strict = CliRun.of("report", "diff", good.toString(), lfcr.toString(), "--strict");
        assertThat(strict.exitCode()).as(strict.out()).isEqualTo(1);
        assertThat(strict.out()).containsPattern("(?m)^WORSE +DT-TCP-010 .*: PASS -> WARN \"");
    }

    @Test
    void jsonOutputIsOneObjectAProgramCanRead() {
        CliRun run = CliRun.of("report", "diff", good.toString(), reset.toString(), "--json");
        var json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(json.get("worse").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonArray("changes").asList()).anySatisfy(c -> {
            assertThat(c.getAsJsonObject().get("id").getAsString()).isEqualTo("DT-TCP-021");
            assertThat(c.getAsJsonObject().get("kind").getAsString()).isEqualTo("newly-failing");
            assertThat(c.getAsJsonObject().getAsJsonObject("new").get("status").getAsString()).isEqualTo("fail");
        });
    }

    @Test
    void badInputIsAUsageErrorInOneLine() throws Exception {
        CliRun missing = CliRun.of("report", "diff", good.toString(), dir.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("daytime-harness: " + dir.resolve("nowhere") + ": no such file");
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"hello\": 1}");
        CliRun notResults = CliRun.of("report", "diff", junk.toString(), good.toString());
        assertThat(notResults.exitCode()).isEqualTo(2);
        assertThat(notResults.err()).contains(junk + ": not a results file (no schemaVersion)").doesNotContain("Exception");
        assertThat(CliRun.of("report").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("report", "matrix", good.toString()).err()).contains("--html FILE and/or --markdown FILE");
    }

    @Test
    void theMatrixHasATargetPerColumnAndAScenarioPerRow() throws Exception {
        Path html = dir.resolve("matrix.html");
        Path md = dir.resolve("matrix.md");
        CliRun run = CliRun.of("report", "matrix", "good=" + good, lfcr.toString(), reset.toString(),
                "--html", html.toString(), "--markdown", md.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String page = Files.readString(html);
        for (Path p : new Path[] {good, lfcr, reset}) {
            String address = JsonParser.parseString(Files.readString(p.resolve("results.json"))).getAsJsonObject()
                    .getAsJsonObject("target").get("address").getAsString();
            assertThat(page).contains(p == good ? "<th>good<div class=\"meta\">daytime server at " + address : "<th>" + address);
            assertThat(Files.readString(md)).contains(p == good ? "| scenario | good |" : address);
        }
        assertThat(page).contains("DT-TCP-001").contains("DT-TCP-021").contains("cell warn").contains("cell fail");
        assertThat(Files.readString(md)).containsPattern("\\| `DT-TCP-010` .*\\| \\*\\*PASS\\*\\* \\| \\*\\*WARN\\*\\* ");
        CliRun toStdout = CliRun.of("report", "matrix", good.toString(), "--markdown", "-");
        assertThat(toStdout.out()).startsWith("### Daytime conformance matrix").contains("DT-TCP-001");
    }
}
