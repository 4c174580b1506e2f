package dev.daytimeharness.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DaytimeClientTest {
    private static final String LINE = "Tue Nov 24 01:31:31 2026\r\n";

    /** A one-connection server on loopback that runs {@code script} on the accepted socket. */
    private static Endpoint serveOnce(SocketScript script) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (listener; Socket s = listener.accept()) {
                script.run(s);
            } catch (IOException | InterruptedException ignored) {
                // The test judges what the client saw.
            }
        });
        t.setDaemon(true);
        t.start();
        return new Endpoint("127.0.0.1", listener.getLocalPort());
    }

    interface SocketScript {
        void run(Socket s) throws IOException, InterruptedException;
    }

    private static ClientOptions options(Duration deadline) {
        return ClientOptions.defaults().withDeadline(deadline);
    }

    @Test
    void readsWholeReplyWhenServerSendsOneByteAtATime() throws IOException {
        Endpoint e = serveOnce(s -> {
            OutputStream out = s.getOutputStream();
            for (byte b : LINE.getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(10);
            }
        });
        Exchange x = DaytimeClient.fetch(e, options(Duration.ofSeconds(5)));
        assertThat(x.outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(new String(x.reply(), StandardCharsets.US_ASCII)).isEqualTo(LINE);
        assertThat(x.reads()).isGreaterThan(1);
    }

    @Test
    void stopsAtTheCapWhenTheReplyIsTooLarge() throws IOException {
        Endpoint e = serveOnce(s -> s.getOutputStream().write(new byte[10_000]));
        Exchange x = DaytimeClient.fetch(e, options(Duration.ofSeconds(5)).withMaxBytes(4096));
        assertThat(x.outcome()).isEqualTo(Outcome.TOO_LARGE);
        assertThat(x.reply()).hasSize(4096);
    }

    @Test
    void stopsAtItsDeadlineWhenTheServerIsSilent() throws IOException {
        Endpoint e = serveOnce(s -> Thread.sleep(10_000));
        Exchange x = DaytimeClient.fetch(e, options(Duration.ofMillis(300)));
        assertThat(x.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(x.reply()).isEmpty();
        assertThat(x.connected()).isTrue();
    }

    @Test
    void keepsWhatCameWhenTheServerNeverCloses() throws IOException {
        Endpoint e = serveOnce(s -> {
            s.getOutputStream().write(LINE.getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(10_000);
        });
        Exchange x = DaytimeClient.fetch(e, options(Duration.ofMillis(500)));
        assertThat(x.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(new String(x.reply(), StandardCharsets.US_ASCII)).isEqualTo(LINE);
    }

    @Test
    void reportsAResetWithThePartialReply() throws IOException {
        Endpoint e = serveOnce(s -> {
            s.getOutputStream().write("Tue Nov".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(100);
            s.setSoLinger(true, 0);
        });
        Exchange x = DaytimeClient.fetch(e, options(Duration.ofSeconds(5)));
        assertThat(x.outcome()).isEqualTo(Outcome.RESET);
        assertThat(new String(x.reply(), StandardCharsets.US_ASCII)).isEqualTo("Tue Nov");
    }

    @Test
    void reportsRefusedWhenNothingListens() throws IOException {
        int port = ClosedPort.pick();
        Exchange x = DaytimeClient.fetch(new Endpoint("127.0.0.1", port), options(Duration.ofSeconds(2)));
        assertThat(x.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(x.connected()).isFalse();
    }

    @Test
    void reportsAnUnknownHost() {
        Exchange x = DaytimeClient.fetch(new Endpoint("nosuchhost.invalid", 13), options(Duration.ofSeconds(2)));
        assertThat(x.outcome()).isEqualTo(Outcome.UNKNOWN_HOST);
    }
}
