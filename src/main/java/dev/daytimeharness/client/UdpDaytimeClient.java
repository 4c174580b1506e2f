package dev.daytimeharness.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The reference daytime client over UDP. RFC 867: "When a datagram is received, an answering
 * datagram is sent". Datagrams get lost, so it asks again, up to {@code retries} times, but never
 * past the one deadline of the whole exchange and never faster than {@link #PACING}: a client that
 * resends every millisecond floods a silent peer.
 */
public final class UdpDaytimeClient {
    /** The most retries a user may ask for: with {@link #PACING} that is ten seconds of asking. */
    public static final int MAX_RETRIES = 100;
    /** The least time between two datagrams to the same server. */
    public static final Duration PACING = Duration.ofMillis(100);
    private static final int MAX_DATAGRAM = 65_507;
    /** A bound on the replies counted in a listening window, so a flood cannot keep the loop busy. */
    private static final int MAX_COUNTED = 100_000;

    private UdpDaytimeClient() {}

    /**
     * Asks once (and again on silence) within {@code deadline}. A datagram back ends the exchange as
     * {@link Outcome#CLOSED}; none at all as {@link Outcome#TIMEOUT}.
     */
    public static Exchange fetch(Endpoint endpoint, Duration deadline, int retries, byte[] payload) {
        return ask(endpoint, deadline, retries, payload, Duration.ZERO).exchange();
    }

    /**
     * As {@link #fetch}, and after the first reply keeps listening for {@code listen} to count the
     * datagrams that follow it: an amplifier sends many per request.
     */
    public static Datagrams ask(Endpoint endpoint, Duration deadline, int retries, byte[] payload, Duration listen) {
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be 0 to " + MAX_RETRIES + ", not " + retries);
        }
        Instant requestedAt = Instant.now();
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = InetAddress.getByName(endpoint.host());
        } catch (UnknownHostException e) {
            return none(result(endpoint, requestedAt, start, null, Outcome.UNKNOWN_HOST, "cannot resolve host " + endpoint.host()));
        }
        InetSocketAddress server = new InetSocketAddress(address, endpoint.port());
        try (DatagramChannel channel = DatagramChannel.open(); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
            long end = start + deadline.toNanos();
            long perTry = Math.max(PACING.toNanos(), deadline.toNanos() / (retries + 1L));
            int sent = 0;
            for (int attempt = 0; attempt <= retries && System.nanoTime() < end; attempt++) {
                // On JDK 17 only an unconnected channel's send() puts an empty datagram on the wire;
                // DatagramSocket.send and a connected channel's write() drop it silently.
                channel.send(ByteBuffer.wrap(payload), server);
                sent++;
                byte[] reply = awaitReply(channel, selector, buffer, server, Math.min(end, System.nanoTime() + perTry));
                if (reply != null) {
                    Exchange first = result(endpoint, requestedAt, start, reply, Outcome.CLOSED, "");
                    return countFollowing(channel, selector, buffer, server, first, sent, listen);
                }
                // Lost or never answered: ask again, if the deadline leaves time.
            }
            return new Datagrams(result(endpoint, requestedAt, start, null, Outcome.TIMEOUT, String.format(Locale.ROOT,
                    "no datagram back within %d ms (%d sent, at least %d ms apart)", deadline.toMillis(), sent,
                    PACING.toMillis())), sent, 0, 0);
        } catch (PortUnreachableException e) {
            return none(result(endpoint, requestedAt, start, null, Outcome.REFUSED, "port unreachable (nothing listens for UDP there)"));
        } catch (IOException e) {
            return none(result(endpoint, requestedAt, start, null, Outcome.IO_ERROR, String.valueOf(e.getMessage())));
        }
    }

    /** The first datagram from {@code server} before {@code until} (System.nanoTime), or null. */
    private static byte[] awaitReply(DatagramChannel channel, Selector selector, ByteBuffer buffer,
                                     InetSocketAddress server, long until) throws IOException {
        long left;
        while ((left = until - System.nanoTime()) > 0) {
            if (selector.select(Math.max(1, left / 1_000_000)) == 0) {
                continue;
            }
            selector.selectedKeys().clear();
            for (int i = 0; i < MAX_COUNTED; i++) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                if (from == null) {
                    break;
                }
                if (server.equals(from)) {
                    buffer.flip();
                    byte[] reply = new byte[buffer.remaining()];
                    buffer.get(reply);
                    return reply;
                }
                // A datagram from anyone else is no answer: keep waiting for the server's.
            }
        }
        return null;
    }

    private static Datagrams countFollowing(DatagramChannel channel, Selector selector, ByteBuffer buffer,
                                            InetSocketAddress server, Exchange first, int sent, Duration listen)
            throws IOException {
        int replies = 1;
        long bytes = first.reply().length;
        long until = System.nanoTime() + listen.toNanos();
        long left;
        while (replies < MAX_COUNTED && (left = until - System.nanoTime()) > 0) {
            if (selector.select(Math.max(1, left / 1_000_000)) == 0) {
                continue;
            }
            selector.selectedKeys().clear();
            SocketAddress from;
            while (replies < MAX_COUNTED && (from = receive(channel, buffer)) != null) {
                if (server.equals(from)) {
                    replies++;
                    bytes += buffer.position();
                }
            }
        }
        Exchange e = first;
        Exchange counted = new Exchange(e.endpoint(), e.requestedAt(), e.receivedAt(), e.connectTime(),
                e.firstByteAfter(), e.endAfter(), e.reply(), replies, e.outcome(), e.detail());
        return new Datagrams(counted, sent, replies, bytes);
    }

    private static SocketAddress receive(DatagramChannel channel, ByteBuffer buffer) throws IOException {
        buffer.clear();
        try {
            return channel.receive(buffer);
        } catch (PortUnreachableException e) {
            // A late ICMP error after the answer changes nothing about the answer.
            return null;
        }
    }

    private static Datagrams none(Exchange e) {
        return new Datagrams(e, 0, 0, 0);
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
