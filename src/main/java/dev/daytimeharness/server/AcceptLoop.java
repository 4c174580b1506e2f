package dev.daytimeharness.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The reference server's one thread: accepts, writes each reply, drains input, closes. No thread
 * per client, so a client that never reads or never closes costs a socket and a few bytes, not a
 * thread; and every client waiting on a phase waits no longer than that phase's deadline.
 */
final class AcceptLoop implements Runnable {
    private static final long SELECT_MILLIS = 100;
    private static final long ACCEPT_BACKOFF_NANOS = 100_000_000L;

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final ReplyClock clock;
    private final long writeDeadlineNanos;
    private final long drainDeadlineNanos;
    private final PrintStream log;
    // Deadlines within a phase are set in order, so each queue is sorted by deadline for free.
    private final ArrayDeque<Connection> writing = new ArrayDeque<>();
    private final ArrayDeque<Connection> draining = new ArrayDeque<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(16 * 1024);
    private volatile boolean running = true;
    private long acceptPausedUntil;
    private long lastAcceptError;

    AcceptLoop(Selector selector, ServerSocketChannel listener, ServerOptions options, PrintStream log) {
        this.selector = selector;
        this.listener = listener;
        this.clock = new ReplyClock(options.format(), options.zone());
        this.writeDeadlineNanos = options.writeDeadline().toNanos();
        this.drainDeadlineNanos = options.drainDeadline().toNanos();
        this.log = log;
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            SelectionKey acceptKey = listener.register(selector, SelectionKey.OP_ACCEPT);
            while (running) {
                selector.select(SELECT_MILLIS);
                Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
                while (ready.hasNext()) {
                    SelectionKey key = ready.next();
                    ready.remove();
                    if (key == acceptKey) {
                        acceptAll(acceptKey);
                    } else if (key.isValid()) {
                        serve(key, (Connection) key.attachment());
                    }
                }
                long now = System.nanoTime();
                expire(writing, now);
                expire(draining, now);
                if (acceptPausedUntil != 0 && now >= acceptPausedUntil) {
                    acceptPausedUntil = 0;
                    acceptKey.interestOps(SelectionKey.OP_ACCEPT);
                }
            }
        } catch (IOException e) {
            log.println("daytime-harness serve: the accept loop stopped: " + e.getMessage());
        } finally {
            closeAll();
        }
    }

    private void acceptAll(SelectionKey acceptKey) {
        while (true) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                // Out of file descriptors and the like: say so, pause accepting briefly, carry on.
                pauseAccepting(acceptKey, e);
                return;
            }
            if (channel == null) {
                return;
            }
            start(channel);
        }
    }

    private void start(SocketChannel channel) {
        Connection c = new Connection(channel, clock.now());
        try {
            channel.configureBlocking(false);
            if (c.write()) {
                finish(c, null);
            } else {
                c.deadlineNanos = System.nanoTime() + writeDeadlineNanos;
                channel.register(selector, SelectionKey.OP_WRITE, c);
                writing.add(c);
            }
        } catch (IOException e) {
            c.close(null);
        }
    }

    private void serve(SelectionKey key, Connection c) {
        try {
            if (key.isWritable()) {
                if (c.write()) {
                    finish(c, key);
                }
            } else if (key.isReadable() && c.drain(scratch)) {
                c.close(key);
            }
        } catch (IOException e) {
            c.close(key);
        }
    }

    private void finish(Connection c, SelectionKey key) throws IOException {
        if (c.finishSending(scratch)) {
            c.close(key);
            return;
        }
        c.deadlineNanos = System.nanoTime() + drainDeadlineNanos;
        c.draining = true;
        if (key == null) {
            c.channel.register(selector, SelectionKey.OP_READ, c);
        } else {
            key.interestOps(SelectionKey.OP_READ);
        }
        draining.add(c);
    }

    /** Closes the clients whose deadline in this phase has passed; the queue's head expires first. */
    private void expire(ArrayDeque<Connection> queue, long now) {
        boolean drainPhase = queue == draining;
        while (!queue.isEmpty()) {
            Connection c = queue.peekFirst();
            if (c.closed || c.draining != drainPhase) {
                queue.pollFirst();
                continue;
            }
            if (c.deadlineNanos > now) {
                return;
            }
            queue.pollFirst();
            c.close(c.channel.keyFor(selector));
        }
    }

    private void pauseAccepting(SelectionKey acceptKey, IOException e) {
        long now = System.nanoTime();
        if (now - lastAcceptError > 1_000_000_000L) {
            log.println("daytime-harness serve: accept failed (" + e.getMessage() + "); pausing 100 ms and carrying on");
            lastAcceptError = now;
        }
        acceptKey.interestOps(0);
        acceptPausedUntil = now + ACCEPT_BACKOFF_NANOS;
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Connection c) {
                c.close(key);
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Shutting down anyway.
        }
    }
}
