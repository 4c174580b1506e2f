package dev.daytimeharness.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.ClientOptions;
import dev.daytimeharness.client.Datagrams;
import dev.daytimeharness.client.DaytimeClient;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.client.UdpDaytimeClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@code simulate --behaviour amplifies} serves: a correct TCP server and a UDP amplifier on one port. */
@Tag("probe")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimulationTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void theAmplifierAnswersOneDatagramWithFiftyOnTheTcpPortNumber() throws Exception {
        try (Simulation s = Simulation.start(Behaviours.byName("amplifies"), LOOPBACK)) {
            Datagrams d = UdpDaytimeClient.ask(s.endpoint(), Duration.ofSeconds(2), 0,
                    "?".getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(500));
            assertThat(d.requests()).isEqualTo(1);
            assertThat(d.replies()).isEqualTo(50);
            assertThat(d.perRequest()).isEqualTo(50.0);
            Exchange tcp = DaytimeClient.fetch(s.endpoint(), new ClientOptions(Duration.ofSeconds(2),
                    Duration.ofSeconds(2), 1024, new byte[0]));
            assertThat(tcp.outcome()).isEqualTo(Outcome.CLOSED);
            assertThat(new String(tcp.reply(), StandardCharsets.US_ASCII)).endsWith("\r\n");
        }
    }

    @Test
    void aBehaviourAboutTcpServesNoUdp() throws Exception {
        try (Simulation s = Simulation.start(Behaviours.byName("good"), LOOPBACK)) {
            assertThat(s.udp()).isEmpty();
        }
    }
}
