package dev.daytimeharness.faults.link;

import dev.daytimeharness.client.HalfClose;
import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * A connection through a proxy with nothing in its way: no toxic, no byte counter. Its two sockets
 * are watched on the proxies' loop directly, edge-triggered, so each is added to epoll once and
 * never modified, and bytes go from one to the other with a read and a write. A daytime exchange
 * then takes about a dozen system calls, where Netty's two channels took thirty. Toxiproxy's
 * semantics hold: the end of either side closes both once what was read has been written. A long
 * stream stays here too, with bigger buffers ({@link #bulk}). When the connection needs more (a
 * toxic, or counters) the sockets are handed to a {@link Link} as they are, with nothing left in
 * the JVM ({@link #handOver}). Only the loop's thread touches it.
 */
final class PlainLink {
    /** Edge-triggered: an edge per arrival, so nothing is re-armed; reads go until a short one. */
    private static final EpollIoOps WATCH = EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLOUT)
            .with(EpollIoOps.EPOLLRDHUP).with(EpollIoOps.EPOLLET);
    /** Linux's EPOLLHUP (sys/epoll.h), which Netty's ops name no constant for: a refused connect sets it. */
    private static final int EPOLLHUP = 0x10;
    /** Linux's IPPROTO_TCP and TCP_CORK (netinet/tcp.h). */
    static final int IPPROTO_TCP = 6;
    static final int TCP_CORK = 3;
    /** Bytes a leg carries before it counts as bulk: a daytime reply never gets there. */
    static final long BULK_AFTER = 64 << 10;
    static final int BULK_SOCKET_BUFFER = 4 << 20;
    private static final int BULK_READ_BUFFER = 4 << 20;

    final FileDescriptor client;
    final LinuxSocket upstream;
    private final EpollListener listener;
    /** Client to upstream, and upstream to client. */
    final Leg up = new Leg();
    final Leg down = new Leg();
    /** The client's descriptor as a socket, for its options; made when first needed. */
    private LinuxSocket clientSocket;
    private IoRegistration clientWatch;
    private IoRegistration upstreamWatch;
    long connectDeadlineNanos;
    boolean connected;
    /**
     * The client's socket came corked from the listener: what is written to it waits in the
     * kernel until it is uncorked or closed. The last bytes of a reply and the FIN of the close
     * behind them then leave as one segment, not two. Uncorked at the first write that may not
     * be the last, so nothing else ever waits.
     */
    boolean clientCorked = true;
    /** TCP_NODELAY matters from a socket's second write on (Nagle holds a small write only while one is unacknowledged), so it is set before the first. */
    private boolean upstreamNoDelay;
    /** An end was read: nothing more is, and both close once the pending bytes are out. */
    private boolean ending;
    /** Closed, or handed to a Link: events still queued for it are ignored. */
    boolean done;
    /** A Link takes over: nothing more is read here. */
    private boolean handOverWanted;

    /** One direction: whether its source may hold bytes, and what its destination has not taken yet. */
    static final class Leg {
        boolean readable;
        /** The source's FIN has arrived (EPOLLRDHUP): a short read means its end. */
        boolean finSeen;
        /** What the destination has not taken yet: the unwritten part of {@link #buffer}. */
        ByteBuffer pending;
        /** The leg's own buffer, made at its first short write or once it is bulk; else the loop's scratch serves. */
        ByteBuffer buffer;
        long carried;
        boolean bulk;
        /** The buffer is one of the listener's few big ones, given back when the link ends here. */
        boolean bigBuffer;
    }

    PlainLink(EpollListener listener, FileDescriptor client, LinuxSocket upstream) {
        this.listener = listener;
        this.client = client;
        this.upstream = upstream;
    }

    /** Starts the connect and watches both sockets; false when it failed at once. */
    boolean connect(InetSocketAddress to, long deadlineNanos) {
        connectDeadlineNanos = deadlineNanos;
        try {
            upstream.connect(to);          // done or under way: either way its EPOLLOUT says so
            clientWatch = listener.register(new End(true));
            upstreamWatch = listener.register(new End(false));
            clientWatch.submit(WATCH);
            upstreamWatch.submit(WATCH);
            return true;
        } catch (IOException | RuntimeException e) {
            close();
            return false;
        }
    }

    private void ready(boolean clientSide, EpollIoOps ops) {
        if (done) {
            return;
        }
        boolean failed = ops.contains(EpollIoOps.EPOLLERR) || (ops.value() & EPOLLHUP) != 0;
        if (!clientSide && !connected) {
            if (failed) {
                close();  // refused or unreachable: Toxiproxy closes the client
                return;
            }
            if (!ops.contains(EpollIoOps.EPOLLOUT)) {
                return;
            }
            connected = true;
            if (listener.wantsLink()) {
                handOver();
                return;
            }
        }
        Leg from = clientSide ? up : down;
        if (ops.contains(EpollIoOps.EPOLLIN) || ops.contains(EpollIoOps.EPOLLRDHUP) || failed) {
            from.readable = true;
            from.finSeen |= ops.contains(EpollIoOps.EPOLLRDHUP);
        }
        try {
            if (ops.contains(EpollIoOps.EPOLLOUT)) {
                flush(clientSide ? down : up, clientSide ? client : upstream);
            }
            if (connected) {
                pump(up, client, upstream);
                pump(down, upstream, client);
            }
            if (failed && !done) {
                close();  // a reset: what it left has been read, and the connection goes, as Netty's would
            }
        } catch (IOException e) {
            close();
        }
    }

    /** Moves what the source holds until it is drained or the destination is full. */
    private void pump(Leg leg, FileDescriptor source, FileDescriptor destination) throws IOException {
        while (leg.readable && leg.pending == null && !ending && !done && !handOverWanted) {
            // A leg with a buffer of its own reads into it, so what the destination does not take stays where it is.
            ByteBuffer buffer = leg.buffer != null ? leg.buffer : listener.scratch();
            int capacity = buffer.capacity();
            int n = source.read(buffer, 0, capacity);
            if (n < 0) {
                end();
                return;
            }
            if (n == 0) {
                leg.readable = false;
                return;
            }
            leg.carried += n;
            boolean last = n < capacity && leg.finSeen;
            if (leg == up && !upstreamNoDelay) {
                upstream.setTcpNoDelay(true);  // Toxiproxy's Go sockets have it
                upstreamNoDelay = true;
            }
            int written = destination.write(buffer, 0, n);
            if (leg == down && clientCorked && !last) {
                uncork();
            }
            if (written < n) {
                hold(leg, buffer, written, n);
            }
            if (last) {
                end();  // a short read drained the socket, and past the FIN there is only its end
                return;
            }
            if (!leg.bulk && leg.carried > BULK_AFTER) {
                bulk(leg, source, destination);
            }
            if (n < capacity) {
                leg.readable = false;  // a short read drained the socket: the next edge says when there is more
                return;
            }
        }
    }

    /** Keeps what the destination did not take, in the leg's own buffer, until it does. */
    private void hold(Leg leg, ByteBuffer buffer, int from, int to) {
        if (buffer != leg.buffer) {
            if (leg.buffer == null) {
                leg.buffer = ByteBuffer.allocateDirect(buffer.capacity());
            }
            leg.buffer.clear();
            leg.buffer.put(buffer.limit(to).position(from));
            buffer.clear();
            to = leg.buffer.position();
            from = 0;
        }
        leg.pending = leg.buffer.limit(to).position(from);
    }

    /**
     * A long stream (a bulk transfer, never a daytime reply) gets 4 MiB socket buffers each way
     * and a read buffer of its own, 4 MiB while the listener has one to give: each wake-up then
     * moves what the socket holds in one read and one write. On two shared cores that carried a
     * GiB at about half a direct connection's rate, against a third with 256 KiB reads, or with
     * splice(2) through a pipe (the README's Benchmarks).
     */
    private void bulk(Leg leg, FileDescriptor source, FileDescriptor destination) throws IOException {
        leg.bulk = true;
        if (listener.bulkSocketBuffers()) {
            socket(source).setReceiveBufferSize(BULK_SOCKET_BUFFER);
            socket(destination).setSendBufferSize(BULK_SOCKET_BUFFER);
        }
        if (leg.pending == null && listener.bigBufferFree()) {
            leg.buffer = ByteBuffer.allocateDirect(BULK_READ_BUFFER);  // made before it is counted: a failure leaves no count behind
            listener.takeBigBuffer();
            leg.bigBuffer = true;
        } else if (leg.buffer == null) {
            leg.buffer = ByteBuffer.allocateDirect(listener.scratch().capacity());
        }
    }

    private LinuxSocket socket(FileDescriptor fd) {
        if (fd == upstream) {
            return upstream;
        }
        if (clientSocket == null) {
            clientSocket = LinuxSocket.newSocket(client.intValue());  // a view of the same descriptor, not another
        }
        return clientSocket;
    }

    private void uncork() throws IOException {
        clientCorked = false;
        socket(client).setIntOpt(IPPROTO_TCP, TCP_CORK, 0);
    }

    /** Writes what the destination did not take before; the source is read again once it is out. */
    private void flush(Leg leg, FileDescriptor destination) throws IOException {
        ByteBuffer p = leg.pending;
        if (p == null) {
            return;
        }
        p.position(p.position() + destination.write(p, p.position(), p.limit()));
        if (!p.hasRemaining()) {
            leg.pending = null;
            if (up.pending != null || down.pending != null) {
                return;
            }
            if (ending) {
                close();
            }
        }
    }

    /**
     * Hands the sockets to a Link, with what a destination has not taken yet: that goes out first,
     * ahead of anything the toxics pass on, as the chunk under way in Toxiproxy's copy does.
     */
    void handOver() {
        handOverWanted = true;
        listener.adopt(this);
    }

    /**
     * One side's end. Toxiproxy's link then closes the other side whole: the server's end closes
     * the client; the client's (a half-close) closes the server's socket, which ends the reply
     * too. Either way both go, after the bytes already read have been written.
     */
    private void end() throws IOException {
        ending = true;
        if (up.pending == null && down.pending == null) {
            close();
        } else if (clientCorked && down.pending == null) {
            uncork();  // the reply is all written: it need not wait for the request's last bytes
        }
    }

    boolean ending() {
        return ending;
    }

    /** The sockets leave epoll, open, for Netty's channels to take. */
    void detach() {
        done = true;
        giveBackBuffers();
        clientWatch.cancel();
        upstreamWatch.cancel();
    }

    void close() {
        if (done) {
            return;
        }
        done = true;
        if (clientCorked && down.carried > 0) {
            // What is corked leaves now, with the FIN, ahead of the close: a close with the
            // client's input unread (a request still on its way, say) sends a reset, which
            // would otherwise have gone in place of the corked reply.
            try {
                HalfClose.output(client);
            } catch (IOException gone) {
                // The client went first: nothing is left to deliver.
            }
        }
        // Closed before the registrations are cancelled, so no epoll_ctl DEL is made: closing a
        // socket's only descriptor takes it out of epoll.
        quietly(client);
        quietly(upstream);
        if (clientWatch != null) {
            clientWatch.cancel();
        }
        if (upstreamWatch != null) {
            upstreamWatch.cancel();
        }
        giveBackBuffers();
        listener.closed(this);
    }

    private void giveBackBuffers() {
        for (Leg leg : new Leg[] {up, down}) {
            if (leg.bigBuffer) {
                leg.bigBuffer = false;
                listener.giveBackBigBuffer();
            }
        }
    }

    private static void quietly(FileDescriptor fd) {
        try {
            fd.close();
        } catch (IOException ignored) {
            // Already gone with the peer: nothing is lost.
        }
    }

    /** One of the two sockets, as epoll reports it. */
    private final class End implements EpollIoHandle {
        private final boolean clientSide;

        End(boolean clientSide) {
            this.clientSide = clientSide;
        }

        @Override
        public FileDescriptor fd() {
            return clientSide ? client : upstream;
        }

        @Override
        public void handle(IoRegistration registration, IoEvent event) {
            try {
                ready(clientSide, ((EpollIoEvent) event).ops());
            } catch (RuntimeException | OutOfMemoryError e) {
                // Netty would drop the rest of the wake-up's events (edge-triggered, never sent again)
                // or lose the loop every proxy runs on: this connection goes, the others carry on.
                close();
            }
        }

        @Override
        public void close() {
            PlainLink.this.close();
        }
    }
}
