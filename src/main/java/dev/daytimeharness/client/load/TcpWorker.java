package dev.daytimeharness.client.load;

import dev.daytimeharness.client.SocketFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One selector thread of a TCP load run: keeps its share of the exchanges in flight (connect, read
 * to EOF, close) until the run's end. Each client closes with SO_LINGER 0 once it has read EOF: a
 * graceful close would leave a conntrack entry for 120 s, and a few thousand a second fill the
 * machine-wide table and the kernel drops everyone's SYNs.
 */
final class TcpWorker implements Runnable {
    private final InetSocketAddress address;
    private final ProtocolFamily family;
    private final int connections;
    private final long perConnectionNanos;
    private final long endNanos;
    private final Tally tally;
    private final ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
    private final ArrayDeque<Exchange> inFlight = new ArrayDeque<>();

    TcpWorker(InetSocketAddress address, int connections, Duration perConnection, long endNanos, Tally tally) {
        this.address = address;
        this.family = LoadGenerator.familyOf(address);
        this.connections = connections;
        this.perConnectionNanos = perConnection.toNanos();
        this.endNanos = endNanos;
        this.tally = tally;
    }

    /** One connection's progress. */
    private static final class Exchange {
        final SocketChannel channel;
        final long started = System.nanoTime();
        long bytes;
        boolean done;

        Exchange(SocketChannel channel) {
            this.channel = channel;
        }
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < connections; i++) {
                open(selector);
            }
            while (System.nanoTime() < endNanos) {
                // The action form of select: no selected-key set to fill and empty on every round.
                selector.select(key -> handle(selector, key), 50);
                expire(selector);
            }
            long open = 0;
            for (Exchange e : inFlight) {
                if (!e.done) {
                    open++;
                }
                abort(e);
            }
            tally.unfinished(open);
        } catch (IOException e) {
            tally.failed(ErrorKind.OTHER);
        }
    }

    private void open(Selector selector) {
        try {
            SocketChannel ch = SocketChannel.open(family);
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            Exchange e = new Exchange(ch);
            inFlight.add(e);
            // On loopback the handshake is over by the time connect returns (the kernel runs the
            // peer's side in the same call), so asking at once saves a round of the selector.
            if (ch.connect(address) || ch.finishConnect()) {
                ch.register(selector, SelectionKey.OP_READ, e);
            } else {
                ch.register(selector, SelectionKey.OP_CONNECT, e);
            }
        } catch (ConnectException ex) {
            tally.failed(ErrorKind.REFUSED);
        } catch (IOException ex) {
            tally.failed(ErrorKind.OTHER);
        }
    }

    private void handle(Selector selector, SelectionKey key) {
        Exchange e = (Exchange) key.attachment();
        try {
            if (key.isConnectable()) {
                e.channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                // A daytime server writes at once: the reply is often there already, so read now
                // rather than wait for another round of the selector.
            }
            if (key.isValid() && !e.done) {
                read(e);
            }
        } catch (ConnectException ex) {
            fail(e, ErrorKind.REFUSED);
        } catch (IOException ex) {
            fail(e, ErrorKind.of(SocketFailure.of(ex, e.channel.isConnected())));
        }
        if (e.done) {
            open(selector);
        }
    }

    private void read(Exchange e) throws IOException {
        while (true) {
            sink.clear();
            int n = e.channel.read(sink);
            if (n > 0) {
                e.bytes += n;
                continue;
            }
            if (n < 0) {
                if (e.bytes == 0) {
                    fail(e, ErrorKind.EMPTY);
                } else {
                    tally.completed(System.nanoTime() - e.started);
                    finish(e);
                }
            }
            return;
        }
    }

    /** Exchanges past their deadline count as timeouts; the head of the queue is the oldest. */
    private void expire(Selector selector) {
        long limit = System.nanoTime() - perConnectionNanos;
        while (!inFlight.isEmpty() && (inFlight.peekFirst().done || inFlight.peekFirst().started < limit)) {
            Exchange e = inFlight.pollFirst();
            if (!e.done) {
                fail(e, ErrorKind.TIMEOUT);
                open(selector);
            }
        }
    }

    private void fail(Exchange e, ErrorKind kind) {
        tally.failed(kind);
        finish(e);
    }

    private void finish(Exchange e) {
        e.done = true;
        abort(e);
    }

    private static void abort(Exchange e) {
        try {
            e.channel.close();
        } catch (IOException ignored) {
            // Closing with SO_LINGER 0 resets; nothing is left to lose.
        }
    }
}
