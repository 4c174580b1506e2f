package dev.daytimeharness.faults.link;

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

    void start(Supplier<List<ToxicSpec>> toxics, java.util.concurrent.Executor threads) throws IOException {
        threads.execute(new Pump(this, upstream.getInputStream(), client.getOutputStream(), true, toxics));
        threads.execute(new Pump(this, client.getInputStream(), upstream.getOutputStream(), false, toxics));
    }

    /**
     * One direction reached its end. The server closing ends the connection, as Toxiproxy does;
     * the client closing is passed on as a half-close, so the server may still reply.
     */
    void ended(boolean downstream) {
        if (downstream) {
            close();
        } else {
            try {
                upstream.shutdownOutput();
            } catch (IOException e) {
                close();
            }
        }
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
