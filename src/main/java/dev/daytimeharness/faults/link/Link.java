package dev.daytimeharness.faults.link;

import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One client connection through a proxy and its connection to the upstream server, both on one
 * event loop, with a {@link Direction} each way. Everything but {@link #closeSoon()} runs on that loop.
 */
final class Link {
    private final Channel client;
    private final Runnable onClose;
    private Channel upstream;
    private Direction up;
    private Direction down;
    private boolean closed;

    Link(Channel client, Runnable onClose) {
        this.client = client;
        this.onClose = onClose;
    }

    EventLoop loop() {
        return client.eventLoop();
    }

    /** The upstream answered: the toxics join, and both sides are read from now on. */
    void connected(Channel server, Supplier<List<ToxicSpec>> toxics, int version, Metrics.Counters downCounters,
                   Metrics.Counters upCounters, boolean zeroCopy, LongAdder spliced) {
        this.upstream = server;
        down = new Direction(this, true, server, client, toxics, downCounters, zeroCopy, spliced);
        up = new Direction(this, false, client, server, toxics, upCounters, zeroCopy, spliced);
        // Toxiproxy starts a connection's toxics when it links it, timers and all.
        follow(version);
        client.config().setAutoRead(true);
    }

    void follow(int version) {
        if (down != null) {
            down.follow(version);
            up.follow(version);
        }
    }

    void read(boolean fromClient, ByteBuf buf, int version) {
        Direction d = fromClient ? up : down;
        d.follow(version);
        d.read(buf);
    }

    void readComplete(boolean fromClient) {
        (fromClient ? up : down).readComplete();
    }

    /** The side's FIN arrived. */
    void inputEnded(boolean fromClient, int version) {
        Direction d = fromClient ? up : down;
        if (d != null) {
            d.follow(version);
            d.sourceEnded();
        }
    }

    /**
     * A side is gone. The client: the connection is. The server's socket, closed by the proxy
     * after the client's end (see {@link #ended}): for the toxics on the reply that is its end.
     */
    void inactive(boolean client) {
        if (client || down == null) {
            close();
        } else {
            down.sourceEnded();
        }
    }

    /** A side takes more again, or no longer does: the direction writing to it reads accordingly. */
    void writabilityChanged(boolean client) {
        Direction d = client ? down : up;
        if (d != null) {
            d.reading();
        }
    }

    /**
     * One direction reached its end, and Toxiproxy's link then closes its destination whole. The
     * server's end closes the client, so the connection is gone. The client's end (a half-close)
     * closes the server's socket, so what the server sends next is cut off: the reply direction
     * then ends too, after the toxics there have passed on what they hold. Either waits for the
     * bytes already written to leave first, as a blocking write would have.
     */
    void ended(boolean downstream) {
        if (downstream) {
            client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> close());
        } else {
            upstream.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    boolean isClosed() {
        return closed;
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (down != null) {
            down.closed();
            up.closed();
        }
        client.close();
        if (upstream != null) {
            upstream.close();
        }
        onClose.run();
    }

    /** Closes with a reset, as a crashing peer would: SO_LINGER 0 makes the kernel send RST. */
    void reset() {
        client.config().setOption(ChannelOption.SO_LINGER, 0);
        if (upstream != null) {
            upstream.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        close();
    }

    /** Done when the client's side has closed, the last thing {@link #close()} waits for. */
    io.netty.channel.ChannelFuture closed() {
        return client.closeFuture();
    }

    /** Closes from any thread, on the link's own. */
    void closeSoon() {
        loop().execute(this::close);
    }
}
