package dev.daytimeharness.faults.link;

import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One direction of a connection: what is read from its source goes through the toxics on that
 * stream to its destination. The toxics are those on the proxy now, so one added or removed
 * reaches connections already open; whether a toxic affects this connection at all is decided
 * once, by its toxicity. With no toxic in the way, the bytes go straight through, uncopied, and
 * once a stream has carried {@link #SPLICE_AFTER} bytes so (a bulk transfer, not a daytime reply)
 * they go socket to socket through a pipe with splice(2), never entering the JVM: each byte would
 * otherwise be copied in and out of it, on cores the sender and reader share. The splice goes a
 * {@link #SPLICE_CHUNK} at a time, and no further chunk starts once a toxic is on this stream,
 * so a toxic added to a live connection shapes all but the last chunk's bytes, as Toxiproxy's
 * running copy passes on the buffer it holds. Both paths write into the destination's one queue,
 * so the order holds across a switch either way. Everything here runs on the connection's event loop.
 */
final class Direction {
    /** Past this many bytes waiting for busy toxics, the source is not read until they catch up. */
    private static final int HIGH_WATER = 1 << 20;
    private static final int LOW_WATER = HIGH_WATER / 4;
    /** Bytes a stream carries through the JVM before splicing: a daytime reply never gets there. */
    static final long SPLICE_AFTER = 64 << 10;
    /**
     * One chunk of splice(2): what its pipe holds ({@link SplicePipe}), so a chunk is one splice in
     * and one out, and small enough that a switch to the toxics is never far off.
     */
    static final int SPLICE_CHUNK = SplicePipe.SIZE;
    /** One read of what a FIN left behind mid-splice. */
    private static final int REST_READ = 64 << 10;

    private final Link link;
    private final boolean downstream;
    private final Channel source;
    private final Channel destination;
    private final Supplier<List<ToxicSpec>> toxics;
    private final Metrics.Counters counters;
    /** Where splice(2) may carry this stream: native sockets both, and no byte counters to keep. */
    private final boolean zeroCopy;
    private final LongAdder splicedBytes;
    /** The source's read sizes, a chunk while spliced; null where it is not spliced. */
    private final SpliceReads reads;
    private long carried;
    private boolean splicing;
    private boolean pipeFitted;
    /** Every toxic met so far, with its stage here, or null where its toxicity spared this connection. */
    private final Map<ToxicSpec, Stage> decided = new HashMap<>();
    private List<Stage> chain = List.of();
    private int chainVersion = -1;
    private long queued;
    private boolean ended;
    private boolean sourceEnded;
    private boolean unflushed;

    Direction(Link link, boolean downstream, Channel source, Channel destination, Supplier<List<ToxicSpec>> toxics,
              Metrics.Counters counters, boolean mayZeroCopy, LongAdder splicedBytes) {
        this.link = link;
        this.downstream = downstream;
        this.source = source;
        this.destination = destination;
        this.toxics = toxics;
        this.counters = counters;
        this.zeroCopy = mayZeroCopy && source instanceof AbstractEpollStreamChannel
                && destination instanceof AbstractEpollStreamChannel;
        this.splicedBytes = splicedBytes;
        this.reads = zeroCopy && source.config().getRecvByteBufAllocator() instanceof SpliceReads r ? r : null;
    }

    Link link() {
        return link;
    }

    /** Brings the chain in line with the proxy's toxics when they changed since it was last. */
    void follow(int version) {
        if (version == chainVersion || link.isClosed()) {
            return;
        }
        chainVersion = version;
        List<ToxicSpec> now = new ArrayList<>();
        for (ToxicSpec spec : toxics.get()) {
            if (spec.downstream() == downstream) {
                now.add(spec);
            }
        }
        // Gone toxics first pass on what they hold, each into what follows it now.
        for (Stage s : chain) {
            if (!now.contains(s.spec())) {
                s.remove();
            }
        }
        decided.keySet().retainAll(now);
        List<Stage> next = new ArrayList<>();
        List<Stage> fresh = new ArrayList<>();
        for (ToxicSpec spec : now) {
            // Keyed by the spec itself: an updated toxic is a new spec, and rolls its toxicity again.
            if (!decided.containsKey(spec)) {
                Stage s = ThreadLocalRandom.current().nextFloat() < spec.toxicity()
                        ? new Stage(this, spec, spec.toxic().open()) : null;
                decided.put(spec, s);
                if (s != null) {
                    fresh.add(s);
                }
            }
            Stage s = decided.get(spec);
            if (s != null) {
                next.add(s);
            }
        }
        for (int i = 0; i < next.size(); i++) {
            next.get(i).next = i + 1 < next.size() ? next.get(i + 1) : null;
        }
        chain = next;
        // Toxiproxy starts a toxic's timers when it joins the link.
        fresh.forEach(Stage::attached);
    }

    boolean stillOn(ToxicSpec spec) {
        return toxics.get().contains(spec);
    }

    /** A chunk from the source, stamped as it arrived. */
    void read(ByteBuf buf) {
        int n = buf.readableBytes();
        counters.received().add(n);
        if (ended || link.isClosed()) {
            buf.release();
            return;
        }
        if (chain.isEmpty()) {
            destination.write(buf, destination.voidPromise());
            counters.sent().add(n);
            unflushed = true;
            if (!destination.isWritable()) {
                reading();
            }
            carried += n;
            splice();
            return;
        }
        byte[] data = ByteBufUtil.getBytes(buf);
        buf.release();
        chain.get(0).take(new Stage.Input(data, System.nanoTime()));
    }

    /**
     * Starts the next chunk of splice(2) when this stream may be spliced now. Netty takes it up in
     * the same read: the bytes move source, pipe, destination, and come back here only as the
     * chunk's end; the next read (or this chunk's end) finds out whether to splice on.
     */
    private void splice() {
        if (splicing || reads == null || carried < SPLICE_AFTER || !chain.isEmpty() || ended || sourceEnded
                || link.isClosed()) {
            return;
        }
        if (!pipeFitted) {
            pipeFitted = SplicePipe.fit((AbstractEpollStreamChannel) destination);
        }
        splicing = true;
        reads.splicing(true);
        ((AbstractEpollStreamChannel) source).spliceTo((AbstractEpollStreamChannel) destination, SPLICE_CHUNK)
                .addListener(f -> {
                    splicing = false;
                    reads.splicing(false);
                    if (sourceEnded) {
                        reading();
                    }
                    if (f.isSuccess()) {
                        splicedBytes.add(SPLICE_CHUNK);
                        splice();
                    }
                });
    }

    /**
     * The source's FIN came mid-splice. Netty then ends the input after one splice, with bytes
     * still in the socket when the pipe was full; they all arrived before the FIN, so they are
     * read here to the end, without waiting, and go out after the spliced ones.
     */
    private void readRest() {
        io.netty.channel.unix.FileDescriptor fd = ((AbstractEpollStreamChannel) source).fd();
        // Bounded: a socket holds at most its receive buffer, some MiB; a read takes up to REST_READ.
        for (int i = 0; i < 4096; i++) {
            ByteBuf buf = source.alloc().directBuffer(REST_READ);
            int n;
            try {
                // A pooled buffer's NIO view starts where its part of the arena does.
                java.nio.ByteBuffer nio = buf.internalNioBuffer(0, buf.capacity());
                n = fd.read(nio, nio.position(), nio.limit());
            } catch (java.io.IOException e) {
                n = -1;
            }
            if (n <= 0) {
                buf.release();
                return;
            }
            buf.writerIndex(n);
            read(buf);
        }
    }

    void readComplete() {
        if (unflushed) {
            unflushed = false;
            destination.flush();
        }
    }

    /** The source sent its FIN, or the proxy closed it: the end goes through the toxics too. */
    void sourceEnded() {
        if (sourceEnded || link.isClosed()) {
            return;
        }
        sourceEnded = true;
        // Only while open: a closed socket's number may already be another connection's.
        if (splicing && source.isOpen()) {
            autoRead(true);
            readRest();
        }
        readComplete();
        if (chain.isEmpty()) {
            endReached();
        } else {
            chain.get(0).take(Stage.Input.END);
        }
    }

    /** What the last toxic lets through, onto the destination. */
    void deliver(byte[] data) {
        if (ended || link.isClosed()) {
            return;
        }
        destination.writeAndFlush(Unpooled.wrappedBuffer(data), destination.voidPromise());
        counters.sent().add(data.length);
        if (!destination.isWritable()) {
            reading();
        }
    }

    /** The end came through every toxic: nothing more goes this way, whatever the source still sends. */
    void endReached() {
        if (ended) {
            return;
        }
        ended = true;
        if (!downstream) {
            // Only the client's end leaves its connection open; the reply's end closes everything.
            autoRead(false);
        }
        link.ended(downstream);
    }

    /** Bytes now waiting in a stage (or, negative, taken from one). */
    void queued(int delta) {
        queued += delta;
        if (queued >= HIGH_WATER || (queued < LOW_WATER && !source.config().isAutoRead())) {
            reading();
        }
    }

    /**
     * Reads the source only while its destination takes more and the toxics keep up, so a slow
     * reader or a bandwidth toxic holds the sender back through TCP, as Toxiproxy's blocking
     * channels do, instead of filling memory.
     */
    void reading() {
        boolean read = !ended && !link.isClosed() && destination.isWritable()
                && (queued < LOW_WATER || (queued < HIGH_WATER && source.config().isAutoRead()));
        autoRead(read);
    }

    /**
     * Netty's splice, when the destination cannot take a chunk at once, turns the source's
     * auto-read off and back on once the chunk is out. By then the source may have ended, and
     * Netty 4.2 drops a socket with nothing left to wait for from epoll yet still modifies it
     * later: turning reads back on then fails with ENOENT and takes the connection down, the
     * bytes still queued for the reader with it. So an ended source keeps reading while a
     * chunk is in flight, and Netty's "back on" changes nothing; the chunk's end settles it.
     */
    private void autoRead(boolean on) {
        if (!on && splicing && sourceEnded) {
            return;
        }
        if (source.config().isAutoRead() != on) {
            source.config().setAutoRead(on);
        }
    }

    void closed() {
        chain.forEach(Stage::closed);
    }
}
