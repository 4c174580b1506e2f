package dev.daytimeharness.client.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A load generator for daytime servers: one selector thread keeps {@code connections} exchanges in
 * flight (connect, read to EOF, close) for a bounded time. Each client closes with SO_LINGER 0
 * once it has read EOF: a graceful close would leave a conntrack entry for 120 s, and a few
 * thousand a second fill the machine-wide table and the kernel drops everyone's SYNs.
 */
public final class LoadGenerator {
    private final LoadOptions options;
    private final InetSocketAddress address;
    private final ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
    private final ArrayDeque<Exchange> inFlight = new ArrayDeque<>();
    private final Latencies all = new Latencies();
    private final Latencies thisSecond = new Latencies();
    private final Map<ErrorKind, Long> errors = LoadReport.noErrors();
    private long completed;

    public LoadGenerator(LoadOptions options) {
        this.options = options;
        this.address = new InetSocketAddress(options.target().host(), options.target().port());
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

    /**
     * Runs for the configured duration, reporting each second to {@code progress}.
     *
     * @throws IOException when the idle connections of {@code --hold} cannot be opened
     */
    public LoadReport run(Consumer<String> progress) throws IOException {
        List<Socket> held = holdIdle();
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        long nextTick = start + 1_000_000_000L;
        long lastCompleted = 0;
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < options.connections(); i++) {
                open(selector);
            }
            while (System.nanoTime() < end) {
                selector.select(50);
                handle(selector);
                expire(selector);
                long now = System.nanoTime();
                if (now >= nextTick) {
                    long rate = completed - lastCompleted;
                    lastCompleted = completed;
                    progress.accept(String.format("%4ds  %,8d conn/s  p99 %6.2f ms  errors: %s",
                            (now - start) / 1_000_000_000L, rate, thisSecond.percentileMillis(99), errorsLine()));
                    thisSecond.clear();
                    nextTick += 1_000_000_000L;
                }
            }
            for (Exchange e : inFlight) {
                abort(e);
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadReport(completed, seconds, all.percentileMillis(50), all.percentileMillis(90),
                all.percentileMillis(99), all.percentileMillis(100), new java.util.EnumMap<>(errors));
    }

    private List<Socket> holdIdle() throws IOException {
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < options.hold(); i++) {
            Socket s = new Socket();
            s.connect(address, (int) options.perConnection().toMillis());
            s.setSoLinger(true, 0);
            held.add(s);
        }
        return held;
    }

    private void open(Selector selector) {
        try {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            Exchange e = new Exchange(ch);
            inFlight.add(e);
            if (ch.connect(address)) {
                ch.register(selector, SelectionKey.OP_READ, e);
            } else {
                ch.register(selector, SelectionKey.OP_CONNECT, e);
            }
        } catch (IOException ex) {
            count(ErrorKind.OTHER);
        }
    }

    private void handle(Selector selector) {
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            Exchange e = (Exchange) key.attachment();
            try {
                if (key.isConnectable()) {
                    e.channel.finishConnect();
                    key.interestOps(SelectionKey.OP_READ);
                } else if (key.isReadable()) {
                    read(e);
                }
            } catch (ConnectException ex) {
                fail(e, ErrorKind.REFUSED);
            } catch (IOException ex) {
                fail(e, String.valueOf(ex.getMessage()).contains("reset") ? ErrorKind.RESET : ErrorKind.OTHER);
            }
            if (e.done) {
                open(selector);
            }
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
                    long took = System.nanoTime() - e.started;
                    all.add(took);
                    thisSecond.add(took);
                    completed++;
                    finish(e);
                }
            }
            return;
        }
    }

    /** Exchanges past their deadline count as timeouts; the head of the queue is the oldest. */
    private void expire(Selector selector) {
        long limit = System.nanoTime() - options.perConnection().toNanos();
        while (!inFlight.isEmpty() && (inFlight.peekFirst().done || inFlight.peekFirst().started < limit)) {
            Exchange e = inFlight.pollFirst();
            if (!e.done) {
                fail(e, ErrorKind.TIMEOUT);
                open(selector);
            }
        }
    }

    private void fail(Exchange e, ErrorKind kind) {
        count(kind);
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

    private void count(ErrorKind kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    private String errorsLine() {
        return LoadReport.errorsLine(errors);
    }
}
