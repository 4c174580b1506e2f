package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daytimeharness.simulator.Amplifies;
import dev.daytimeharness.simulator.Good;
import dev.daytimeharness.simulator.SimulatedServer;
import dev.daytimeharness.simulator.UdpSimulatedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe of issue 19 over UDP: an IPv6 target, an amplifier (many datagrams per request), and a
 * silent peer that a client must not flood. Servers on loopback, each run bounded.
 */
@Tag("probe")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpProbeTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    @TempDir
    Path reports;

    @Test
    void checkTestsUdpAtAnIpv6LiteralTarget() throws Exception {
        assumeTrue(ipv6Loopback(), "this machine has no IPv6 loopback (::1) to listen on");
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 0);
        try (SimulatedServer tcp = SimulatedServer.start(new Good(), v6);
             UdpSimulatedServer udp = UdpSimulatedServer.start(1, new InetSocketAddress(v6.getAddress(), tcp.port()))) {
            CliRun run = CliRun.of("check", "[::1]:" + tcp.port(), "--udp-port", String.valueOf(tcp.port()),
                    "--tags", "@udp", "--timeout", "2s", "--zone", "UTC", "--report", reports.toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsPattern("(?m)^PASS +DT-UDP-001 ").containsPattern("(?m)^PASS +DT-UDP-002 ")
                    .containsPattern("(?m)^PASS +DT-UDP-003 ").doesNotContain("cannot resolve");
            assertThat(udp.requests()).isPositive();
        }
    }

    @Test
    void anAmplifierFailsTheOneDatagramScenarioWithItsFactor() throws Exception {
        try (SimulatedServer tcp = SimulatedServer.start(new Good(), LOOPBACK);
             UdpSimulatedServer udp = UdpSimulatedServer.start(50, new InetSocketAddress("127.0.0.1", tcp.port()))) {
            CliRun run = CliRun.of("check", "127.0.0.1:" + tcp.port(), "--udp-port", String.valueOf(tcp.port()),
                    "--tags", "@udp", "--timeout", "2s", "--zone", "UTC", "--report", reports.toString());
            assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
            assertThat(run.out()).as(run.out())
                    .containsPattern("(?m)^FAIL +DT-UDP-004 .*50 datagrams .*for 1 sent.*amplification factor of 50")
                    .containsPattern("(?m)^PASS +DT-UDP-001 ");
        }
    }

    @Test
    void aServerThatAnswersOnceIsNoAmplifier() {
        CliRun run = CliRun.of("check", "--tags", "@DT-UDP-004", "--report", reports.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^PASS +DT-UDP-004 ");
    }

    @Test
    void loadOverUdpCountsOneExchangePerRequestAndTheRestAsExtraReplies() throws Exception {
        try (UdpSimulatedServer udp = UdpSimulatedServer.start(new Amplifies(50).datagramsPerRequest(), LOOPBACK)) {
            CliRun run = CliRun.of("load", "127.0.0.1:" + udp.endpoint().port(), "--udp", "--warmup", "0s",
                    "--duration", "1s", "--connections", "2", "--json");
            JsonObject r = JsonParser.parseString(run.out().strip()).getAsJsonObject();
            long completed = r.get("completed").getAsLong();
            assertThat(completed).as(run.out()).isPositive().isLessThanOrEqualTo(udp.requests());
            assertThat(r.get("extraReplies").getAsLong()).as(run.out()).isGreaterThanOrEqualTo(completed);
        }
    }

    @Test
    void loadSaysWhatTheExtraRepliesWere() throws Exception {
        try (UdpSimulatedServer udp = UdpSimulatedServer.start(5, LOOPBACK)) {
            CliRun run = CliRun.of("load", "127.0.0.1:" + udp.endpoint().port(), "--udp", "--warmup", "0s",
                    "--duration", "1s", "--connections", "1");
            assertThat(run.out()).as(run.out()).containsPattern("extra replies: [0-9,]+ datagrams beyond one per request");
        }
    }

    @Test
    void getOverUdpKeepsItsDeadlineAndPacesItsRetriesAgainstASilentPeer() throws Exception {
        try (UdpSimulatedServer silent = UdpSimulatedServer.start(0, LOOPBACK)) {
            long start = System.nanoTime();
            CliRun run = CliRun.of("get", "--udp", "127.0.0.1:" + silent.endpoint().port(), "--retries", "100",
                    "--timeout", "1s");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(tookMillis).as("took").isBetween(900L, 4000L);
            // Sent at 0, 100, ..., 900 ms: ten, and one to spare for timer slack.
            assertThat(silent.requests()).as("datagrams at the silent peer").isBetween(2, 11);
            assertThat(run.err()).contains("no reply").doesNotContain("Exception");
        }
    }

    @Test
    void retriesBeyondTheBoundAreAUsageError() {
        for (String n : new String[] {"2147483647", "101", "-1"}) {
            CliRun run = CliRun.of("get", "--udp", "127.0.0.1:13", "--retries", n, "--timeout", "1s");
            assertThat(run.exitCode()).as(n + ": " + run.err()).isEqualTo(2);
            assertThat(run.err()).contains("--retries must be between 0 and 100").doesNotContain("Exception");
        }
    }

    @Test
    void simulateOffersTheAmplifierByName() {
        CliRun run = CliRun.of("simulate", "--list");
        assertThat(run.out()).containsPattern("(?m)^ +amplifies +Over UDP .*50 datagrams");
        assertThat(dev.daytimeharness.simulator.Behaviours.byName("amplifies").datagramsPerRequest()).isEqualTo(50);
    }

    private static boolean ipv6Loopback() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
