package dev.daytimeharness.faults.link;

import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.function.Supplier;

/** One client connection through a proxy and its connection to the upstream server. */
final class Link {
    private final Socket client;
    private final Socket upstream;
    private final Runnable onClose;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    Link(Socket client, Socket upstream, Runnable onClose) {
        this.client = client;
        this.upstream = upstream;
        this.onClose = onClose;
    }

    private volatile boolean upstreamClosedByProxy;

    void start(Supplier<List<ToxicSpec>> toxics, java.util.concurrent.Executor threads, Metrics.Counters down,
               Metrics.Counters up) throws IOException {
        threads.execute(new Pump(this, upstream.getInputStream(), client.getOutputStream(), true, toxics, down));
        threads.execute(new Pump(this, client.getInputStream(), upstream.getOutputStream(), false, toxics, up));
    }

    /**
     * One direction reached its end, and Toxiproxy's link then closes its destination whole. The
     * server's end closes the client, so the connection is gone. The client's end (a half-close)
     * closes the server's socket, so what the server sends next is cut off: the reply direction
     * then ends too, after the toxics there have passed on what they hold.
     */
    void ended(boolean downstream) {
        if (downstream) {
            close();
        } else {
            upstreamClosedByProxy = true;
            quietly(upstream);
        }
    }

    /** Whether the pump reading {@code downstream}'s source lost it because the proxy closed it. */
    boolean sourceClosedByProxy(boolean downstream) {
        return downstream && upstreamClosedByProxy && !isClosed();
    }

    boolean isClosed() {
        return closed.get();
    }

    void close() {
        quietly(client);
        quietly(upstream);
        if (closed.compareAndSet(false, true)) {
            onClose.run();
        }
    }

    /** Closes with a reset, as a crashing peer would: SO_LINGER 0 makes the kernel send RST. */
    void reset() {
        try {
            client.setSoLinger(true, 0);
            upstream.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // Already gone: a close is as good as a reset.
        }
        close();
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing is all that is left.
        }
    }
}
