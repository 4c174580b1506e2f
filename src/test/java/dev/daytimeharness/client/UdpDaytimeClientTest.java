package dev.daytimeharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daytimeharness.simulator.UdpSimulatedServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The UDP client keeps one deadline, paces its retries and counts what comes back. */
@Tag("probe")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpDaytimeClientTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void manyRetriesStayWithinTheDeadlineAndAreAtLeastAPacingApart() throws Exception {
        try (UdpSimulatedServer silent = UdpSimulatedServer.start(0, LOOPBACK)) {
            long start = System.nanoTime();
            Datagrams d = UdpDaytimeClient.ask(silent.endpoint(), Duration.ofMillis(600), UdpDaytimeClient.MAX_RETRIES,
                    new byte[0], Duration.ZERO);
            long took = (System.nanoTime() - start) / 1_000_000;
            assertThat(d.exchange().outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(took).isBetween(550L, 3000L);
            assertThat(d.requests()).isBetween(1, 7);
            assertThat(d.exchange().detail()).contains("no datagram back within 600 ms").contains("100 ms apart");
        }
    }

    @Test
    void countsEveryReplyToOneRequestButKeepsTheFirstsTimes() throws Exception {
        try (UdpSimulatedServer amplifier = UdpSimulatedServer.start(7, LOOPBACK)) {
            Datagrams d = UdpDaytimeClient.ask(amplifier.endpoint(), Duration.ofSeconds(2), 2, new byte[] {'?'},
                    Duration.ofMillis(300));
            assertThat(d.requests()).isEqualTo(1);
            assertThat(d.replies()).isEqualTo(7);
            assertThat(d.exchange().reads()).isEqualTo(7);
            assertThat(d.exchange().firstByteAfter()).hasValueSatisfying(t -> assertThat(t).isLessThan(Duration.ofMillis(300)));
        }
    }

    @Test
    void retriesOutsideTheBoundAreRefused() {
        Endpoint e = new Endpoint("127.0.0.1", 13);
        assertThatThrownBy(() -> UdpDaytimeClient.fetch(e, Duration.ofSeconds(1), Integer.MAX_VALUE, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> UdpDaytimeClient.fetch(e, Duration.ofSeconds(1), -1, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
