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
 * One selector thread of a UDP load run. Each in-flight slot has one request outstanding, on one of
 * its two connected channels, so the kernel reports an ICMP port unreachable as refused. A reply
 * carries nothing that names its request, so the slot alternates channels: the next request goes out
 * on the other channel, and whatever still arrives on the one just answered is an extra reply to an
 * answered request (an amplifier's), counted apart and never taken for the next request's answer.
 * A slot past its deadline counts a timeout and starts over on a new channel, so a late reply cannot
 * be taken for the next one's.
 */
final class UdpWorker implements Runnable {
    /**
     * One line feed: a daytime server discards the content, and on JDK 17 a connected channel
     * silently drops an empty datagram instead of sending it.
     */
    private static final byte[] REQUEST = {'\n'};
    private static final long EXPIRY_SCAN_NANOS = 10_000_000L;
    /** A bound on the extra replies drained at once, so a flood cannot starve the other slots. */
    private static final int MAX_DRAIN = 1024;

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

    /** Two channels, which of them has the outstanding request, and when it went out. */
    private static final class Slot {
        final DatagramChannel[] channels = new DatagramChannel[2];
        int current;
        long sent;

        boolean isOpen() {
            return channels[0] != null && channels[1] != null;
        }
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
                if (s.isOpen()) {
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
            for (int i = 0; i < 2; i++) {
                s.channels[i] = DatagramChannel.open(family);
                s.channels[i].configureBlocking(false);
                s.channels[i].connect(address);
                s.channels[i].register(selector, SelectionKey.OP_READ, s);
            }
            s.current = 0;
            send(s);
        } catch (IOException e) {
            tally.failed(ErrorKind.OTHER);
            close(s);
        }
    }

    private void send(Slot s) throws IOException {
        s.sent = System.nanoTime();
        s.channels[s.current].write(ByteBuffer.wrap(REQUEST));
    }

    private void handle(Selector selector, SelectionKey key) {
        Slot s = (Slot) key.attachment();
        DatagramChannel channel = (DatagramChannel) key.channel();
        if (!s.isOpen()) {
            return;
        }
        boolean current = channel == s.channels[s.current];
        try {
            reply.clear();
            if (channel.receive(reply) == null) {
                return;
            }
            if (!current) {
                tally.extraReply();
                return;
            }
            if (reply.position() == 0) {
                tally.failed(ErrorKind.EMPTY);
            } else {
                tally.completed(System.nanoTime() - s.sent);
            }
            // Whatever the other channel still holds answers a request answered long ago.
            s.current = 1 - s.current;
            drain(s.channels[s.current]);
            send(s);
        } catch (PortUnreachableException e) {
            if (current) {
                tally.failed(ErrorKind.REFUSED);
            }
            restart(selector, s);
        } catch (IOException e) {
            tally.failed(ErrorKind.OTHER);
            restart(selector, s);
        }
    }

    private void drain(DatagramChannel channel) throws IOException {
        for (int i = 0; i < MAX_DRAIN; i++) {
            reply.clear();
            if (channel.receive(reply) == null) {
                return;
            }
            tally.extraReply();
        }
    }

    private void expire(Selector selector) {
        long limit = System.nanoTime() - perRequestNanos;
        for (Slot s : inFlight) {
            if (!s.isOpen() || s.sent < limit) {
                if (s.isOpen()) {
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
        for (int i = 0; i < 2; i++) {
            if (s.channels[i] == null) {
                continue;
            }
            try {
                s.channels[i].close();
            } catch (IOException ignored) {
                // A datagram channel has nothing in flight to lose.
            }
            s.channels[i] = null;
        }
    }
}
