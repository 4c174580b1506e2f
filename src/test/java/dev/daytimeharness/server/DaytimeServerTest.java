package dev.daytimeharness.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daytimeharness.client.ClientOptions;
import dev.daytimeharness.client.DaytimeClient;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.client.UdpDaytimeClient;
import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.protocol.ReplyFormats;
import dev.daytimeharness.protocol.ReplyParser;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DaytimeServerTest {

    private static Exchange fetch(int port) {
        return DaytimeClient.fetch(new Endpoint("127.0.0.1", port), ClientOptions.defaults());
    }

    @Test
    void sendsTheTimeWithCrLfAndCloses() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0).withZone(ZoneOffset.UTC), System.err)) {
            Exchange x = fetch(server.start());
            assertThat(x.outcome()).isEqualTo(Outcome.CLOSED);
            var facts = ReplyParser.parse(x.reply(), ZoneOffset.UTC, x.receivedAt());
            assertThat(facts.lineEnding().name()).isEqualTo("CRLF");
            Instant said = facts.timestamp().orElseThrow().instant();
            assertThat(Duration.between(said, Instant.now()).abs()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void writesTheChosenFormat() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0).withFormat(ReplyFormats.NIST), System.err)) {
            Exchange x = fetch(server.start());
            assertThat(ReplyParser.parse(x.reply(), ZoneOffset.UTC, x.receivedAt()).timestamp().orElseThrow().format()).isEqualTo("nist");
        }
    }

    @Test
    void aClientThatSendsMuchAndNeverReadsDoesNotStopTheNextClient() throws Exception {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err);
             Socket rude = new Socket()) {
            int port = server.start();
            rude.connect(new InetSocketAddress("127.0.0.1", port));
            rude.setSoTimeout(100);
            OutputStream out = rude.getOutputStream();
            byte[] mb = new byte[1024 * 1024];
            out.write(mb);
            assertThat(fetch(port).outcome()).isEqualTo(Outcome.CLOSED);
        }
    }

    @Test
    void servesFiftyClientsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            int port = server.start();
            List<Future<Exchange>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(pool.submit(() -> fetch(port)));
            }
            for (Future<Exchange> f : all) {
                Exchange x = f.get();
                assertThat(x.outcome()).isEqualTo(Outcome.CLOSED);
                assertThat(x.reply()).isNotEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void saysWhyWhenThePortIsTaken() {
        try (DaytimeServer first = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            int port = first.start();
            DaytimeServer second = new DaytimeServer(ServerOptions.loopback(port), System.err);
            assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("address already in use").hasMessageContaining("--port 0");
        }
    }

    @Test
    void answersEvenAnEmptyDatagram() {
        try (UdpDaytimeServer server = new UdpDaytimeServer(ServerOptions.loopback(0), System.err)) {
            int port = server.start();
            Exchange x = UdpDaytimeClient.fetch(new Endpoint("127.0.0.1", port), Duration.ofSeconds(1), 2, new byte[0]);
            assertThat(x.outcome()).isEqualTo(Outcome.CLOSED);
            assertThat(ReplyParser.parse(x.reply(), ZoneOffset.UTC, x.receivedAt()).formatRecognised()).isTrue();
        }
    }

    @Test
    void udpClientGivesUpAfterItsRetriesWhenNoServerAnswers() {
        Exchange x = UdpDaytimeClient.fetch(new Endpoint("127.0.0.1", 9), Duration.ofMillis(100), 2, new byte[0]);
        assertThat(x.outcome()).isIn(Outcome.TIMEOUT, Outcome.REFUSED);
        assertThat(x.reply()).isEmpty();
    }
}
