package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.daytimeharness.client.ClosedPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckCommandTest {

    @Test
    void theEmbeddedReferenceServerPasses() {
        CliRun run = CliRun.of("check", "--report", "target/daytime-report/selftest");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("26 scenarios").contains("0 fail").doesNotContain("FAIL ");
    }

    @Test
    void verboseSaysWhereTheTimeWentSlowestScenarioFirst(@TempDir Path dir) {
        CliRun run = CliRun.of("check", "--verbose", "--tags", "@DT-TCP-001 or @DT-UDP-004", "--report", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern(
                "time: [0-9,]+ ms in all: start-up [0-9,]+ ms \\(JVM start to the run\\), 2 scenarios [0-9,]+ ms");
        // DT-UDP-004 listens half a second for datagrams beyond the one reply.
        assertThat(run.err()).containsPattern("\\n +[0-9,]{3,5} ms  DT-UDP-004 ");
        assertThat(run.err().indexOf("DT-UDP-004")).isLessThan(run.err().indexOf("DT-TCP-001"));
        assertThat(run.out()).doesNotContain("time:");
    }

    @Test
    void aClosedPortIsOneLineAndCouldNotTest() throws IOException {
        int port = ClosedPort.pick();
        CliRun run = CliRun.of("check", "127.0.0.1:" + port);
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("connection refused");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aReportDirectoryThatCannotBeMadeCouldNotTestSaidFirst(@TempDir Path dir) throws IOException {
        Path file = Files.createFile(dir.resolve("afile"));
        CliRun run = CliRun.of("check", "--report", file.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("--report").contains("a file of that name is in the way");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aToxiproxyThatIsNotThereIsOneSetupErrorNotNineFailures() {
        CliRun run = CliRun.of("check", "--faults", "--toxiproxy", "http://127.0.0.1:" + ClosedPort.pick());
        assertThat(run.exitCode()).as("could not test").isEqualTo(3);
        assertThat(run.err()).contains("no Toxiproxy at").contains("connection refused");
        assertThat(run.out()).doesNotContain("FAIL");
    }

    @Test
    void aWebServerIsNotTakenForAToxiproxy() throws IOException {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        web.start();
        try {
            CliRun run = CliRun.of("check", "--faults", "--toxiproxy", "http://127.0.0.1:" + web.getAddress().getPort());
            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).contains("not a Toxiproxy API");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void anUnresolvableHostIsOneLineAndCouldNotTest() {
        CliRun run = CliRun.of("check", "nosuchhost.invalid:13");
        assertThat(run.exitCode()).isEqualTo(3);
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
    void anEmptyDockerTargetIsNotToldToWriteHostAndPort() {
        CliRun run = CliRun.of("check", "docker:");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("needs an image").doesNotContain("HOST:PORT");
    }

    @Test
    void aContainerPortIsOnlyForDockerTargets() {
        CliRun run = CliRun.of("check", "127.0.0.1:13", "--container-port", "1313");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--container-port is for docker: targets");
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
