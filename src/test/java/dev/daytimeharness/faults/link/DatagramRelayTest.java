package dev.daytimeharness.faults.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import dev.daytimeharness.faults.datagrams.Latency;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The UDP relay's bounds: client sockets, the delay queue, and idle expiry, each shown by counts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatagramRelayTest {
    private static final Duration QUIET = Duration.ofMillis(300);
    private final List<ToxicSpec> toxics = new CopyOnWriteArrayList<>();

    private final Metrics metrics = Metrics.of(true, false);

    private DatagramRelay relay(UdpEcho echo, DatagramRelay.Limits limits) throws Exception {
        return DatagramRelay.start("t", new InetSocketAddress("127.0.0.1", 0), Endpoint.parse(echo.address(), 0),
                () -> toxics, metrics, echo.address(), limits);
    }

    private static int port(DatagramRelay relay) {
        return Endpoint.parse(relay.listen(), 0).port();
    }

    @Test
    void eachClientAddressGetsItsOwnUpstreamSocket() throws Exception {
        try (UdpEcho echo = new UdpEcho(); DatagramRelay relay = relay(echo, DatagramRelay.Limits.DEFAULT);
             DatagramSocket a = new DatagramSocket(); DatagramSocket b = new DatagramSocket()) {
            assertThat(UdpEcho.exchange(a, port(relay), bytes("a"), QUIET)).hasSize(1);
            assertThat(UdpEcho.exchange(b, port(relay), bytes("b"), QUIET)).hasSize(1);
            assertThat(UdpEcho.exchange(a, port(relay), bytes("a2"), QUIET)).hasSize(1);
            assertThat(echo.senders()).hasSize(2);
            // The counts come out at the end of the relay's turn, which can be just after the answer.
            await(() -> relay.counts().clients() == 2, Duration.ofSeconds(5));
            assertThat(relay.counts().clients()).isEqualTo(2);
        }
    }

    @Test
    void anEmptyDatagramIsRelayedAsOne() throws Exception {
        // What the reference client and many daytime clients send: RFC 867 says only "a datagram".
        try (UdpEcho echo = new UdpEcho(); DatagramRelay relay = relay(echo, DatagramRelay.Limits.DEFAULT);
             java.nio.channels.DatagramChannel client = java.nio.channels.DatagramChannel.open()) {
            client.send(java.nio.ByteBuffer.allocate(0), new InetSocketAddress("127.0.0.1", port(relay)));
            await(() -> echo.received() == 1, Duration.ofSeconds(5));
            assertThat(echo.received()).isEqualTo(1);
        }
    }

    @Test
    void aFloodOfClientAddressesHoldsNoMoreSocketsThanTheLimitAndCountsTheRest() throws Exception {
        int limit = 8;
        int flood = 200;
        try (UdpEcho echo = new UdpEcho();
             DatagramRelay relay = relay(echo, new DatagramRelay.Limits(limit, Duration.ofMinutes(5), 64, 1 << 20))) {
            // Every client socket stays open to the end: a closed one's port may come back as a later
            // client's, which the relay then rightly takes for a client it already has.
            List<DatagramSocket> clients = new java.util.ArrayList<>();
            try {
                // In batches, each taken in before the next, so a loaded machine's socket buffer drops none.
                for (int sent = 0; sent < flood; ) {
                    for (int i = 0; i < 25; i++, sent++) {
                        DatagramSocket s = new DatagramSocket();
                        clients.add(s);
                        s.send(new DatagramPacket(bytes("x"), 1, InetAddress.getLoopbackAddress(), port(relay)));
                    }
                    int expected = sent;
                    // Every datagram is either relayed on one of the limit's sockets or refused and counted.
                    await(() -> {
                        DatagramRelay.Counts c = relay.counts();
                        return c.clients() + c.refusedClients() == expected;
                    }, Duration.ofSeconds(20));
                }
            } finally {
                clients.forEach(DatagramSocket::close);
            }
            assertThat(relay.counts()).isEqualTo(new DatagramRelay.Counts(limit, 0, flood - limit, 0, 0));
            await(() -> echo.senders().size() == limit, Duration.ofSeconds(5));
            assertThat(echo.senders()).hasSize(limit);
            assertThat(metrics.exposition()).contains("daytime_harness_udp_dropped_datagrams_total{proxy=\"t\","
                    + "reason=\"client_limit\"} " + (flood - limit));
        }
    }

    @Test
    void delayedDatagramsPastTheQueueLimitAreDroppedAndCounted() throws Exception {
        toxics.add(new ToxicSpec("slow", "latency", "downstream", 1f, null, new Latency(10_000, 0)));
        try (UdpEcho echo = new UdpEcho();
             DatagramRelay relay = relay(echo, new DatagramRelay.Limits(16, Duration.ofMinutes(5), 4, 1 << 20));
             DatagramSocket client = new DatagramSocket()) {
            for (int i = 0; i < 10; i++) {
                client.send(new DatagramPacket(bytes("q" + i), 2, InetAddress.getLoopbackAddress(), port(relay)));
            }
            await(() -> {
                DatagramRelay.Counts c = relay.counts();
                return c.queued() + c.overflowedDatagrams() == 10;
            }, Duration.ofSeconds(10));
            assertThat(relay.counts()).isEqualTo(new DatagramRelay.Counts(1, 4, 0, 0, 6));
            assertThat(metrics.exposition()).contains("reason=\"queue_limit\"} 6");
        }
    }

    @Test
    void aDatagramNoToxicDelaysIsRelayedWhileTheQueueIsFullOfDelayedOnes() throws Exception {
        toxics.add(new ToxicSpec("slow", "latency", "downstream", 1f, null, new Latency(10_000, 0)));
        try (UdpEcho echo = new UdpEcho();
             DatagramRelay relay = relay(echo, new DatagramRelay.Limits(16, Duration.ofMinutes(5), 2, 1 << 20));
             DatagramSocket client = new DatagramSocket()) {
            for (int i = 1; i <= 2; i++) {
                client.send(new DatagramPacket(bytes("q" + i), 2, InetAddress.getLoopbackAddress(), port(relay)));
                int queued = i;
                await(() -> relay.counts().queued() == queued, Duration.ofSeconds(10));
            }
            // The queue holds two delayed answers; the third request has no toxic upstream, so it goes on.
            client.send(new DatagramPacket(bytes("q3"), 2, InetAddress.getLoopbackAddress(), port(relay)));
            await(() -> echo.received() == 3, Duration.ofSeconds(10));
            assertThat(echo.received()).as("requests the upstream got").isEqualTo(3);
            await(() -> relay.counts().overflowedDatagrams() == 1, Duration.ofSeconds(10));
            assertThat(relay.counts().overflowedDatagrams()).as("the third answer, which must wait").isEqualTo(1);
        }
    }

    @Test
    void anIdleClientsSocketExpiresAndTheNextDatagramOpensANewOne() throws Exception {
        try (UdpEcho echo = new UdpEcho();
             DatagramRelay relay = relay(echo, new DatagramRelay.Limits(16, Duration.ofMillis(200), 64, 1 << 20));
             DatagramSocket client = new DatagramSocket()) {
            assertThat(UdpEcho.exchange(client, port(relay), bytes("1"), QUIET)).hasSize(1);
            await(() -> relay.counts().expiredClients() == 1, Duration.ofSeconds(10));
            assertThat(relay.counts()).as("expired and gone, in the same counts")
                    .isEqualTo(new DatagramRelay.Counts(0, 0, 0, 1, 0));
            assertThat(UdpEcho.exchange(client, port(relay), bytes("2"), QUIET)).hasSize(1);
            assertThat(echo.senders()).as("a new upstream socket after expiry").hasSize(2);
        }
    }

    @Test
    void closingFreesThePortForARestart() throws Exception {
        try (UdpEcho echo = new UdpEcho()) {
            DatagramRelay first = relay(echo, DatagramRelay.Limits.DEFAULT);
            int port = port(first);
            first.close();
            try (DatagramRelay again = DatagramRelay.start("t", new InetSocketAddress("127.0.0.1", port),
                    Endpoint.parse(echo.address(), 0), () -> toxics, Metrics.none(), echo.address(),
                    DatagramRelay.Limits.DEFAULT); DatagramSocket client = new DatagramSocket()) {
                assertThat(UdpEcho.exchange(client, port, bytes("back"), QUIET)).hasSize(1);
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Waits for a condition, polling, up to a deadline; the assertions after it say what failed. */
    static void await(BooleanSupplier condition, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() - end < 0) {
            Thread.sleep(10);
        }
    }

}
