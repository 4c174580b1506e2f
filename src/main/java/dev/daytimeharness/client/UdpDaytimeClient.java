package dev.daytimeharness.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The reference daytime client over UDP. RFC 867: "When a datagram is received, an answering
 * datagram is sent". Datagrams get lost, so it asks again up to {@code retries} times.
 */
public final class UdpDaytimeClient {
    private static final int MAX_DATAGRAM = 65_507;

    private UdpDaytimeClient() {}

    /** A datagram back ends the exchange as {@link Outcome#CLOSED}; none at all as {@link Outcome#TIMEOUT}. */
    public static Exchange fetch(Endpoint endpoint, Duration perTry, int retries, byte[] payload) {
        Instant requestedAt = Instant.now();
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = InetAddress.getByName(endpoint.host());
        } catch (UnknownHostException e) {
            return result(endpoint, requestedAt, start, null, Outcome.UNKNOWN_HOST, "cannot resolve host " + endpoint.host());
        }
        try (DatagramChannel channel = DatagramChannel.open()) {
            // connect() lets the kernel report ICMP port unreachable as an exception.
            channel.connect(new InetSocketAddress(address, endpoint.port()));
            DatagramSocket socket = channel.socket();
            socket.setSoTimeout((int) Math.max(1, perTry.toMillis()));
            byte[] buffer = new byte[MAX_DATAGRAM];
            for (int attempt = 0; attempt <= retries; attempt++) {
                // The channel's write, unlike DatagramSocket.send on JDK 17, sends an empty datagram too.
                channel.write(ByteBuffer.wrap(payload));
                try {
                    DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                    socket.receive(reply);
                    return result(endpoint, requestedAt, start, Arrays.copyOf(buffer, reply.getLength()), Outcome.CLOSED, "");
                } catch (SocketTimeoutException e) {
                    // Lost or never answered: ask again.
                }
            }
            return result(endpoint, requestedAt, start, null, Outcome.TIMEOUT,
                    "no datagram back after " + (retries + 1) + " tries of " + perTry.toMillis() + " ms");
        } catch (PortUnreachableException e) {
            return result(endpoint, requestedAt, start, null, Outcome.REFUSED, "port unreachable (nothing listens for UDP there)");
        } catch (IOException e) {
            return result(endpoint, requestedAt, start, null, Outcome.IO_ERROR, String.valueOf(e.getMessage()));
        }
    }

    private static Exchange result(Endpoint endpoint, Instant requestedAt, long start, byte[] reply,
                                   Outcome outcome, String detail) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        boolean got = reply != null;
        return new Exchange(endpoint, requestedAt, requestedAt.plus(elapsed),
                Optional.of(Duration.ZERO), got ? Optional.of(elapsed) : Optional.empty(), Optional.of(elapsed),
                got ? reply : new byte[0], got ? 1 : 0, outcome, detail);
    }
}
