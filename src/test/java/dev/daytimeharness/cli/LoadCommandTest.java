package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.ClosedPort;
import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerOptions;
import dev.daytimeharness.server.UdpDaytimeServer;
import dev.daytimeharness.simulator.SimulatedServer;
import dev.daytimeharness.simulator.Silent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What load reports, not how fast: speed is measured in bench/, never in tests. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoadCommandTest {

    @Test
    void reportsExchangesPercentilesAndNoErrorsAgainstTheReferenceServer() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            CliRun run = CliRun.of("load", "127.0.0.1:" + server.start(), "--duration", "1s", "--connections", "4",
                    "--hold", "10", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"completed\":").contains("\"p99Millis\"").contains("\"refused\":0")
                    .contains("\"timeout\":0");
            assertThat(run.err()).contains("holding 10 idle").containsPattern("1s +[0-9,]+ conn/s");
        }
    }

    @Test
    void countsRefusedConnectionsAsSuchAndFails() throws IOException {
        int port = ClosedPort.pick();
        CliRun run = CliRun.of("load", "127.0.0.1:" + port, "--duration", "1s", "--connections", "2");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("refused [1-9]");
    }

    @Test
    void loadsOverUdpAndSaysSoInTheJson() {
        try (UdpDaytimeServer server = new UdpDaytimeServer(ServerOptions.loopback(0), System.err)) {
            CliRun run = CliRun.of("load", "127.0.0.1:" + server.start(), "--udp", "--warmup", "0s", "--duration", "1s",
                    "--connections", "2", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"transport\":\"udp\"").contains("\"warmupSeconds\":0.0");
            assertThat(run.err()).contains("over UDP").containsPattern("1s +[0-9,]+ req/s");
        }
    }

    @Test
    void anUnknownHostIsOneLineAndExitOne() {
        CliRun run = CliRun.of("load", "nosuchhost.invalid:13", "--allow-load", "--duration", "1s");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot resolve host nosuchhost.invalid").doesNotContain("Exception");
    }

    @Test
    void moreIdleConnectionsThanOpenFilesIsAUsageErrorNotACrash() {
        CliRun run = CliRun.of("load", "127.0.0.1:13", "--hold", "50000");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("open files").doesNotContain("Exception");
    }

    @Test
    void aZeroTimeoutIsAUsageError() {
        CliRun run = CliRun.of("load", "127.0.0.1:13", "--timeout", "0s");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--timeout");
    }

    @Test
    void aServerThatSendsNothingIsNamedAsSuch() throws Exception {
        try (SimulatedServer silent = SimulatedServer.start(new Silent(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            CliRun run = CliRun.of("load", "127.0.0.1:" + silent.port(), "--warmup", "0s", "--duration", "1s",
                    "--connections", "2");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).contains("2 still in flight at the end").contains("sent nothing");
        }
    }

    @Test
    void helpShowsDefaultsAsTheyAreWrittenAndNoWarnings() {
        CliRun run = CliRun.of("load", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("(default: 10s)").contains("(default: 1s)").doesNotContain("PT");
        assertThat(run.err()).doesNotContain("WARN");
    }

    @Test
    void holdMeansNothingOverUdp() {
        CliRun run = CliRun.of("load", "127.0.0.1:13", "--udp", "--hold", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--hold");
    }

    @Test
    void eachEngineSaysItsNameAndNioIsThereOnEveryPlatform() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            CliRun run = CliRun.of("load", "127.0.0.1:" + server.start(), "--engine", "nio", "--warmup", "0s",
                    "--duration", "1s", "--connections", "2", "--json");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("\"engine\":\"nio\"");
            assertThat(run.err()).contains("(nio engine)");
        }
    }

    @Test
    void anUnknownEngineAndEpollOverUdpAreUsageErrors() {
        CliRun unknown = CliRun.of("load", "127.0.0.1:13", "--engine", "io_uring");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--engine must be auto, epoll or nio").doesNotContain("Exception");
        CliRun udp = CliRun.of("load", "127.0.0.1:13", "--udp", "--engine", "epoll");
        assertThat(udp.exitCode()).isEqualTo(2);
        assertThat(udp.err()).contains("--udp always runs on nio");
    }

    @Test
    void refusesToLoadAHostOffThisMachineWithoutAllowLoad() {
        CliRun run = CliRun.of("load", "time.example.org:13");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--allow-load");
    }
}
