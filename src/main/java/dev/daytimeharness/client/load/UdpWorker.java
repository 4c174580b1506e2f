package dev.daytimeharness.client.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.ProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One selector thread of a UDP load run. Each in-flight slot is its own connected channel with one
 * request outstanding, so a reply belongs to exactly one request and the kernel reports an ICMP port
 * unreachable as refused. A slot past its deadline counts a timeout and starts over on a new
 * channel, so a late reply cannot be taken for the next one's.
 */
final class UdpWorker implements Runnable {
    /**
     * One line feed: a daytime server discards the content, and on JDK 17 a connected channel
     * silently drops an empty datagram instead of sending it.
     */
    private static final byte[] REQUEST = {'\n'};
    private static final long EXPIRY_SCAN_NANOS = 10_000_000L;

    private final InetSocketAddress address;
    private final ProtocolFamily family;
    private final int slots;
    private final long perRequestNanos;
    private final long endNanos;
    private final Tally tally;
    private final ByteBuffer reply = ByteBuffer.allocateDirect(65_536);
    private final List<Slot> inFlight = new ArrayList<>();

    UdpWorker(InetSocketAddress address, int slots, Duration perRequest, long endNanos, Tally tally) {
        this.address = address;
        this.family = LoadGenerator.familyOf(address);
        this.slots = slots;
        this.perRequestNanos = perRequest.toNanos();
        this.endNanos = endNanos;
        this.tally = tally;
    }

    /** One channel and the time its outstanding request went out. */
    private static final class Slot {
        DatagramChannel channel;
        long sent;
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < slots; i++) {
                Slot s = new Slot();
                inFlight.add(s);
                open(selector, s);
            }
            long nextScan = System.nanoTime() + EXPIRY_SCAN_NANOS;
            while (System.nanoTime() < endNanos) {
                selector.select(key -> handle(selector, key), 50);
                if (System.nanoTime() >= nextScan) {
                    expire(selector);
                    nextScan = System.nanoTime() + EXPIRY_SCAN_NANOS;
                }
            }
            long open = 0;
            for (Slot s : inFlight) {
                if (s.channel != null) {
                    open++;
                }
                close(s);
            }
            tally.unfinished(open);
        } catch (IOException e) {
            tally.failed(ErrorKind.OTHER);
        }
    }

    private void open(Selector selector, Slot s) {
        try {
            s.channel = DatagramChannel.open(family);
            s.channel.configureBlocking(false);
            s.channel.connect(address);
            s.channel.register(selector, SelectionKey.OP_READ, s);
            send(s);
        } catch (IOException e) {
            tally.failed(ErrorKind.OTHER);
            close(s);
        }
    }

    private void send(Slot s) throws IOException {
        s.sent = System.nanoTime();
        s.channel.write(ByteBuffer.wrap(REQUEST));
    }

    private void handle(Selector selector, SelectionKey key) {
        Slot s = (Slot) key.attachment();
        try {
            reply.clear();
            if (s.channel.receive(reply) == null) {
                return;
            }
            if (reply.position() == 0) {
                tally.failed(ErrorKind.EMPTY);
            } else {
                tally.completed(System.nanoTime() - s.sent);
            }
            send(s);
        } catch (PortUnreachableException e) {
            tally.failed(ErrorKind.REFUSED);
            restart(selector, s);
        } catch (IOException e) {
            tally.failed(ErrorKind.OTHER);
            restart(selector, s);
        }
    }

    private void expire(Selector selector) {
        long limit = System.nanoTime() - perRequestNanos;
        for (Slot s : inFlight) {
            if (s.channel == null || s.sent < limit) {
                if (s.channel != null) {
                    tally.failed(ErrorKind.TIMEOUT);
                }
                restart(selector, s);
            }
        }
    }

    private void restart(Selector selector, Slot s) {
        close(s);
        open(selector, s);
    }

    private static void close(Slot s) {
        if (s.channel == null) {
            return;
        }
        try {
            s.channel.close();
        } catch (IOException ignored) {
            // A datagram channel has nothing in flight to lose.
        }
        s.channel = null;
    }
}
