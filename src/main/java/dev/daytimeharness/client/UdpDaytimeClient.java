package dev.daytimeharness.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.net.PortUnreachableException;
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
        try (DatagramChannel channel = DatagramChannel.open(); Selector selector = Selector.open()) {
            InetSocketAddress server = new InetSocketAddress(address, endpoint.port());
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
            for (int attempt = 0; attempt <= retries; attempt++) {
                // On JDK 17 only an unconnected channel's send() puts an empty datagram on the wire;
                // DatagramSocket.send and a connected channel's write() drop it silently.
                channel.send(ByteBuffer.wrap(payload), server);
                if (selector.select(Math.max(1, perTry.toMillis())) > 0) {
                    selector.selectedKeys().clear();
                    buffer.clear();
                    if (server.equals(channel.receive(buffer))) {
                        buffer.flip();
                        byte[] reply = new byte[buffer.remaining()];
                        buffer.get(reply);
                        return result(endpoint, requestedAt, start, reply, Outcome.CLOSED, "");
                    }
                }
                // Lost or never answered: ask again.
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
