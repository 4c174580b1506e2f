package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.faults.link.UdpEcho;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code proxy --udp}, as QA runs it by hand, and the options a UDP proxy refuses. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyUdpCommandTest {

    @Test
    void lossAndDuplicateNeedUdp() {
        CliRun run = CliRun.of("proxy", "--upstream", "127.0.0.1:9", "--loss", "0.3");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--loss and --duplicate are for a UDP proxy: add --udp");
    }

    @Test
    void streamFaultsAndBadNumbersAreUsageErrors() {
        assertThat(CliRun.of("proxy", "--udp", "--upstream", "127.0.0.1:9", "--slice", "1").err())
                .contains("--slice and --reset-after act on a stream");
        CliRun loss = CliRun.of("proxy", "--udp", "--upstream", "127.0.0.1:9", "--loss", "1.5");
        assertThat(loss.exitCode()).isEqualTo(2);
        assertThat(loss.err()).contains("--loss must be between 0 and 1");
        assertThat(CliRun.of("proxy", "--udp", "--upstream", "127.0.0.1:9", "--duplicate", "101").err())
                .contains("--duplicate must be between 0 and 100");
    }

    @Test
    void theIssuesCommandLineLosesSomeAndDuplicatesTheRest() throws Exception {
        try (UdpEcho echo = new UdpEcho(); DatagramSocket client = new DatagramSocket()) {
            StringWriter out = new StringWriter();
            Thread proxy = new Thread(() -> Main.run(new String[] {"proxy", "--udp", "--upstream", echo.address(),
                    "--loss", "0.3", "--duplicate", "1", "--latency", "200ms", "--jitter", "100ms"},
                    new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)), "proxy-command");
            proxy.setDaemon(true);
            proxy.start();
            int port = listeningPort(out, Duration.ofSeconds(20));
            assertThat(out.toString()).contains("try: daytime-harness get --udp 127.0.0.1:" + port);
            for (int i = 0; i < 20; i++) {
                client.send(new DatagramPacket(new byte[] {(byte) i}, 1, InetAddress.getLoopbackAddress(), port));
            }
            List<byte[]> got = UdpEcho.collect(client, Duration.ofMillis(1000), 40);
            Map<Integer, Integer> copies = new HashMap<>();
            got.forEach(b -> copies.merge((int) b[0], 1, Integer::sum));
            // Each datagram is lost (0.3) or comes twice; all 20 lost has a chance of 0.3^20.
            assertThat(copies).isNotEmpty();
            assertThat(copies.values()).allMatch(n -> n == 2);
            proxy.interrupt();
            proxy.join(5000);
        }
    }

    private static int listeningPort(StringWriter out, Duration deadline) throws InterruptedException {
        Pattern listening = Pattern.compile("udp proxy to \\S+ listening on 127\\.0\\.0\\.1:(\\d+)");
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() - end < 0) {
            Matcher m = listening.matcher(out.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the proxy never said where it listens: " + out);
    }
}
