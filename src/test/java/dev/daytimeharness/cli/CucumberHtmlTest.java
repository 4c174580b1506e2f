package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.simulator.Behaviours;
import dev.daytimeharness.simulator.SimulatedServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * cucumber.html from a check of a server with a warning and skipped UDP scenarios: each skip says
 * its reason with no exception or stack trace, the warning is on the page, and features are headed
 * by file and title, not classpath URI. (The page embeds what it shows as JSON, read here as text.)
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CucumberHtmlTest {
    @TempDir
    Path dir;

    @Test
    void skipsSayTheirReasonWarningsShowAndFeaturesHaveTitles() throws Exception {
        try (SimulatedServer server = SimulatedServer.start(Behaviours.byName("no-line-ending"),
                new InetSocketAddress("127.0.0.1", 0))) {
            CliRun run = CliRun.of("check", "127.0.0.1:" + server.port(), "--tags", "not @load",
                    "--report", dir.toString());
            assertThat(run.exitCode()).as(run.out()).isZero();
            assertThat(run.out()).containsPattern("(?m)^WARN +DT-TCP-010 ").containsPattern("(?m)^SKIP +DT-UDP-001 ");
        }
        String page = Files.readString(dir.resolve("cucumber.html"), StandardCharsets.UTF_8);
        assertThat(page).contains("the target has no UDP port to test (give one with --udp-port)")
                .doesNotContain("TestAbortedException").doesNotContain("Verdicts.skip")
                .contains("WARNING: the reply has no line ending")
                .contains("features/server/06-buffer.feature: Read-buffer limits")
                .doesNotContain("classpath:features/");
    }
}
