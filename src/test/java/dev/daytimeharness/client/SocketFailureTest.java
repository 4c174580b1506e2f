package dev.daytimeharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Socket failures told by type and errno, on real loopback sockets, whatever the message says. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SocketFailureTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aConnectionToAClosedPortIsRefused() {
        IOException e = catchThrowableOfType(IOException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LOOPBACK, ClosedPort.pick()), 2_000);
            }
        });
        assertThat(SocketFailure.of(e, false)).isEqualTo(SocketFailure.REFUSED);
    }

    @Test
    void aResetDuringTheReplyIsAReset() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK); Socket client = new Socket()) {
            client.connect(listener.getLocalSocketAddress(), 2_000);
            resetBy(listener.accept());
            client.setSoTimeout(5_000);
            IOException e = catchThrowableOfType(IOException.class, () -> readToEnd(client.getInputStream()));
            assertThat(SocketFailure.of(e, true)).as(String.valueOf(e)).isEqualTo(SocketFailure.RESET);
        }
    }

    @Test
    void aResetSeenThroughAChannelIsAResetToo() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, LOOPBACK);
             SocketChannel client = SocketChannel.open(listener.getLocalSocketAddress())) {
            resetBy(listener.accept());
            IOException e = catchThrowableOfType(IOException.class, () -> {
                for (int i = 0; i < 1_000 && client.read(ByteBuffer.allocate(64)) >= 0; i++) {
                    // Read until the reset shows.
                }
            });
            assertThat(SocketFailure.of(e, true)).as(String.valueOf(e)).isEqualTo(SocketFailure.RESET);
        }
    }

    @Test
    void aConnectResetBeforeItReturnedIsAResetWhereTheKernelHasARoute() {
        // A server that accepts and resets at once can beat the connect call's return: the JDK then
        // throws the same bare SocketException it throws for ENETUNREACH.
        InetSocketAddress loopback = new InetSocketAddress(LOOPBACK, ClosedPort.pick());
        assertThat(SocketFailure.ofConnect(new SocketException("Connection reset"), loopback))
                .isEqualTo(SocketFailure.RESET);
        assertThat(SocketFailure.ofConnect(new java.net.ConnectException("refused"), loopback))
                .isEqualTo(SocketFailure.REFUSED);
    }

    @Test
    void theMessageTextDecidesNothing() {
        // As a German machine's C library might word ECONNRESET: the type alone says what it was.
        SocketException german = new SocketException("Die Verbindung wurde vom Kommunikationspartner zurückgesetzt");
        assertThat(SocketFailure.of(german, true)).isEqualTo(SocketFailure.RESET);
        assertThat(SocketFailure.of(new SocketException("Connection reset"), false))
                .as("before the connect, a bare SocketException is ENETUNREACH").isEqualTo(SocketFailure.UNREACHABLE);
        assertThat(SocketFailure.of(new java.net.ConnectException("Verbindungsaufbau abgelehnt"), false))
                .isEqualTo(SocketFailure.REFUSED);
        assertThat(SocketFailure.of(new IOException("Connection reset by peer"), true)).isEqualTo(SocketFailure.OTHER);
    }

    @Test
    void nettysNativeErrorsAreToldByTheirErrno() {
        Assumptions.assumeTrue(Epoll.isAvailable(), "Netty's native epoll transport does not load here");
        assertThat(SocketFailure.of(new Errors.NativeIoException("read", Errors.ERRNO_ECONNRESET_NEGATIVE), true))
                .isEqualTo(SocketFailure.RESET);
        assertThat(SocketFailure.of(new Errors.NativeIoException("write", Errors.ERRNO_EPIPE_NEGATIVE), true))
                .isEqualTo(SocketFailure.RESET);
        assertThat(SocketFailure.of(new Errors.NativeIoException("read", Errors.ERROR_ECONNREFUSED_NEGATIVE), true))
                .isEqualTo(SocketFailure.REFUSED);
        assertThat(SocketFailure.of(new Errors.NativeIoException("read", Errors.ERRNO_EBADF_NEGATIVE), true))
                .isEqualTo(SocketFailure.OTHER);
    }

    /** Closes with data unread and SO_LINGER 0: the kernel answers with RST. */
    private static void resetBy(Socket accepted) throws IOException {
        accepted.getOutputStream().write("12 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        accepted.setSoLinger(true, 0);
        accepted.close();
    }

    private static void readToEnd(InputStream in) throws IOException {
        byte[] b = new byte[64];
        for (int i = 0; i < 1_000 && in.read(b) >= 0; i++) {
            // Read until the reset shows.
        }
    }
}
