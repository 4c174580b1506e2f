package dev.daytimeharness.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daytimeharness.client.ClientOptions;
import dev.daytimeharness.client.DaytimeClient;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.HalfClose;
import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.client.UdpDaytimeClient;
import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.protocol.ReplyFormats;
import dev.daytimeharness.protocol.ReplyParser;
import java.io.InputStream;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every TCP behaviour on each engine: the one chosen by default and the other. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DaytimeServerTest {

    private static Exchange fetch(int port) {
        return DaytimeClient.fetch(new Endpoint("127.0.0.1", port), ClientOptions.defaults());
    }

    @ParameterizedTest
    @EnumSource(ServerEngine.class)
    void sendsTheTimeWithCrLfAndCloses(ServerEngine engine) {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0).withZone(ZoneOffset.UTC), engine, System.err)) {
            Exchange x = fetch(server.start());
            assertThat(x.outcome()).isEqualTo(Outcome.CLOSED);
            var facts = ReplyParser.parse(x.reply(), ZoneOffset.UTC, x.receivedAt());
            assertThat(facts.lineEnding().name()).isEqualTo("CRLF");
            Instant said = facts.timestamp().orElseThrow().instant();
            assertThat(Duration.between(said, Instant.now()).abs()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @ParameterizedTest
    @EnumSource(ServerEngine.class)
    void writesTheChosenFormat(ServerEngine engine) {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0).withFormat(ReplyFormats.NIST), engine, System.err)) {
            Exchange x = fetch(server.start());
            assertThat(ReplyParser.parse(x.reply(), ZoneOffset.UTC, x.receivedAt()).timestamp().orElseThrow().format()).isEqualTo("nist");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerEngine.class)
    void aClientThatSendsMuchAndNeverReadsDoesNotStopTheNextClient(ServerEngine engine) throws Exception {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), engine, System.err);
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

    @ParameterizedTest
    @EnumSource(ServerEngine.class)
    void servesFiftyClientsAtOnce(ServerEngine engine) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), engine, System.err)) {
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

    @ParameterizedTest
    @EnumSource(ServerEngine.class)
    void saysWhyWhenThePortIsTaken(ServerEngine engine) {
        try (DaytimeServer first = new DaytimeServer(ServerOptions.loopback(0), engine, System.err)) {
            int port = first.start();
            DaytimeServer second = new DaytimeServer(ServerOptions.loopback(port), engine, System.err);
            assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("address already in use").hasMessageContaining("--port 0");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerEngine.class)
    void inputTheClientSentIsDrainedSoTheReplyAndEofArriveWithoutAReset(ServerEngine engine) throws Exception {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), engine, System.err);
             Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", server.start()));
            client.setSoTimeout(5_000);
            // More than a reply's worth, left unread by a server that closed at once: the kernel would
            // then answer with a reset, and a reset may throw away the reply before it is read.
            client.getOutputStream().write(new byte[256 * 1024]);
            InputStream in = client.getInputStream();
            byte[] all = in.readAllBytes();  // a reset here throws instead of reaching EOF
            assertThat(new String(all, java.nio.charset.StandardCharsets.US_ASCII)).endsWith("\r\n");
        }
    }

    @ParameterizedTest
    @EnumSource(ServerEngine.class)
    void eachEngineIsTheOneThatServes(ServerEngine engine) throws Exception {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), engine, System.err)) {
            int port = server.start();
            assertThat(fetch(port).outcome()).isEqualTo(Outcome.CLOSED);
            assertThat(server.engine()).isEqualTo(engine);
            // Where the serving thread waits says what drives it: Netty's epoll loop, or this
            // package's NIO loop on the JDK's selector.
            String waitsIn = ServingThread.waitingFrames("daytime-tcp-" + port, Duration.ofSeconds(5));
            if (engine == ServerEngine.EPOLL) {
                assertThat(waitsIn).contains("io.netty.channel.epoll.Native.epollWait")
                        .doesNotContain(AcceptLoop.class.getName());
            } else {
                assertThat(waitsIn).contains("sun.nio.ch.").contains(AcceptLoop.class.getName())
                        .doesNotContain("io.netty");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerEngine.class)
    void closingTheServerFreesItsPortWhileAClientItDrainsLingers(ServerEngine engine) throws Exception {
        int port;
        try (Socket lingering = new Socket()) {
            try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), engine, System.err)) {
                port = server.start();
                lingering.connect(new InetSocketAddress("127.0.0.1", port));
                lingering.setSoTimeout(5_000);
                InputStream in = lingering.getInputStream();
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)).endsWith("\r\n");
                // The client keeps its side open: the server is draining it when it is closed.
            }
            try (DaytimeServer again = new DaytimeServer(ServerOptions.loopback(port), engine, System.err)) {
                assertThat(again.start()).isEqualTo(port);
            }
        }
    }

    @Test
    void theEpollEngineHalfClosesWithoutMakingASocketObjectThatAsksForTheAddress() {
        // Without the direct call each connection costs a getsockname more (Netty's Socket asks for
        // the address as it is made); a Netty upgrade that renames the native would show here.
        assertThat(HalfClose.direct()).isTrue();
    }

    @Test
    void theDefaultEngineIsEpollWhereNettyHasItAndNioElsewhere() {
        DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err);
        assertThat(server.engine()).isEqualTo(io.netty.channel.epoll.Epoll.isAvailable() ? ServerEngine.EPOLL : ServerEngine.NIO);
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
