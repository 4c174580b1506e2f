package dev.daytimeharness.server;

import dev.daytimeharness.client.HalfClose;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.Errors;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The reference server's one thread on Linux epoll ({@link ServerEngine#EPOLL}), with the
 * exchanges of {@link AcceptLoop} made of fewer system calls: accept4 hands over a socket that is
 * already non-blocking, the reply goes out in one write, shutdown(SHUT_WR) sends the FIN, and the
 * socket is watched (one epoll_ctl) until the client closes its side; closing it then takes it out
 * of epoll without another call. Accepts are taken until none is left at each wake-up. About 5
 * system calls a connection, against the minimal C server's 4 (it closes without draining).
 */
final class EpollAcceptLoop {
    private static final EpollIoOps INPUT = EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLRDHUP);
    private static final long EXPIRE_EVERY_MILLIS = 100;
    private static final long ACCEPT_BACKOFF_MILLIS = 100;
    /** Reads of client input per wake-up: enough to keep up, bounded so a flood cannot starve others. */
    private static final int DRAIN_READS_PER_WAKE = 4;
    /** Linux's IPPROTO_TCP and TCP_CORK (netinet/tcp.h): Netty keeps its own cork setter private. */
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_CORK = 3;
    /** What Netty's accept writes the peer's address into (its own channels use the same size). */
    private static final int ADDRESS_BYTES = 26;

    private final LinuxSocket listener;
    private final int port;
    private final ReplyClock clock;
    private final long writeDeadlineNanos;
    private final long drainDeadlineNanos;
    private final PrintStream log;
    // Deadlines within a phase are set in order, so each queue is sorted by deadline for free.
    private final ArrayDeque<EpollClient> writing = new ArrayDeque<>();
    private final ArrayDeque<EpollClient> draining = new ArrayDeque<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(16 * 1024);
    private final ByteBuffer outgoing = ByteBuffer.allocateDirect(256);
    private final byte[] acceptedAddress = new byte[ADDRESS_BYTES];
    private byte[] outgoingReply;
    private MultiThreadIoEventLoopGroup group;
    private IoEventLoop loop;
    private IoRegistration accepting;
    private long lastAcceptError;

    private EpollAcceptLoop(LinuxSocket listener, ServerOptions options, PrintStream log) {
        this.listener = listener;
        this.port = listener.localAddress().getPort();
        this.clock = new ReplyClock(options.format(), options.zone());
        this.writeDeadlineNanos = options.writeDeadline().toNanos();
        this.drainDeadlineNanos = options.drainDeadline().toNanos();
        this.log = log;
    }

    /** Binds and listens; nothing is served until {@link #start}. */
    static EpollAcceptLoop bind(InetSocketAddress address, int backlog, ServerOptions options, PrintStream log)
            throws IOException {
        InetAddress host = address.getAddress();
        // The JDK listens on the IPv6 wildcard (both families) when asked for 0.0.0.0; so does this.
        boolean ipv6 = host instanceof Inet6Address || (host.isAnyLocalAddress() && Socket.isIPv6Preferred());
        InetSocketAddress where = ipv6 && host.isAnyLocalAddress()
                ? new InetSocketAddress(InetAddress.getByName("::"), address.getPort()) : address;
        LinuxSocket socket = LinuxSocket.newSocketStream(ipv6);
        try {
            socket.setReuseAddress(true);
            // Accepted sockets inherit the cork: the reply waits in the kernel for the FIN that
            // shutdown(SHUT_WR) adds to it, and both leave in one segment instead of two. shutdown
            // pushes what is corked at once, so nothing waits for the cork's 200 ms timer.
            socket.setIntOpt(IPPROTO_TCP, TCP_CORK, 1);
            socket.bind(where);
            socket.listen(backlog);
            return new EpollAcceptLoop(socket, options, log);
        } catch (Errors.NativeIoException e) {
            socket.close();
            // Netty's text is "bind(..) failed with error(-98): Address already in use": keep the reason.
            String m = String.valueOf(e.getMessage());
            int reason = m.lastIndexOf("): ");
            throw new BindException(reason < 0 ? m : m.substring(reason + 3));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    void start(String threadName) {
        group = new MultiThreadIoEventLoopGroup(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }, EpollIoHandler.newFactory());
        loop = group.next();
        loop.submit(() -> {
            accepting = loop.register(new Listening()).getNow();
            accepting.submit(EpollIoOps.EPOLLIN);
        }).syncUninterruptibly();
        loop.scheduleAtFixedRate(this::expire, EXPIRE_EVERY_MILLIS, EXPIRE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes every client and the listener, waiting at most {@code deadline} for the thread. */
    void stop(Duration deadline) {
        if (group == null) {
            closeQuietly(listener);
            return;
        }
        // Every client still open is in one of the queues (one that moved on is in both: closing is
        // idempotent), so closing the queues' clients closes them all, on the loop's own thread.
        loop.execute(() -> {
            writing.forEach(this::close);
            draining.forEach(this::close);
            closeQuietly(listener);
        });
        group.shutdownGracefully(0, deadline.toMillis(), TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(deadline.toMillis() * 2);
        closeQuietly(listener);
    }

    /** The listening socket: every wake-up accepts until the backlog is empty. */
    private final class Listening implements EpollIoHandle {
        @Override
        public FileDescriptor fd() {
            return listener;
        }

        @Override
        public void handle(IoRegistration registration, IoEvent event) {
            acceptAll();
        }

        @Override
        public void close() {
            closeQuietly(listener);
        }
    }

    private void acceptAll() {
        while (true) {
            int fd;
            try {
                fd = listener.accept(acceptedAddress);
            } catch (IOException e) {
                // Out of file descriptors and the like: say so, pause accepting briefly, carry on.
                pauseAccepting(e);
                return;
            }
            if (fd < 0) {
                return;
            }
            serve(new EpollClient(this, new FileDescriptor(fd), clock.now()));
        }
    }

    private void serve(EpollClient c) {
        try {
            if (write(c)) {
                finish(c);
            } else {
                c.deadlineNanos = System.nanoTime() + writeDeadlineNanos;
                watch(c, EpollIoOps.EPOLLOUT);
                writing.add(c);
            }
        } catch (IOException e) {
            close(c);
        }
    }

    /** Writes what the socket takes; true when the whole reply is out. */
    private boolean write(EpollClient c) throws IOException {
        if (outgoingReply != c.reply) {  // a new second: its reply is copied out once, for every client
            outgoing.clear();
            outgoing.put(c.reply);
            outgoingReply = c.reply;
        }
        c.sent += c.socket.write(outgoing, c.sent, c.reply.length);
        return c.sent == c.reply.length;
    }

    /**
     * Half-closes, so the client sees EOF after the reply, then waits for the client's side to close.
     * Closing with unread input would make the kernel send a reset, which can destroy the reply before
     * the client reads it; so input is read and thrown away until the client's EOF.
     */
    private void finish(EpollClient c) throws IOException {
        HalfClose.output(c.socket);
        c.deadlineNanos = System.nanoTime() + drainDeadlineNanos;
        c.draining = true;
        watch(c, INPUT);
        draining.add(c);
    }

    private void watch(EpollClient c, EpollIoOps ops) {
        if (c.registration == null) {
            c.registration = loop.register(c).getNow();  // on its own loop, registering completes at once
        }
        c.registration.submit(ops);
    }

    void ready(EpollClient c, EpollIoOps ops) {
        try {
            if (!c.draining) {
                if (write(c)) {
                    finish(c);
                }
            } else if (ops.contains(EpollIoOps.EPOLLERR) || drained(c)) {
                // EPOLLERR: the client reset the connection. Its input went with it, and closing a
                // reset socket sends nothing, so there is nothing left to read.
                close(c);
            }
        } catch (IOException e) {
            close(c);
        }
    }

    /** Throws client input away; true at the client's EOF. */
    private boolean drained(EpollClient c) throws IOException {
        for (int i = 0; i < DRAIN_READS_PER_WAKE; i++) {
            int n = c.socket.read(scratch, 0, scratch.capacity());
            if (n < 0) {
                return true;
            }
            if (n == 0) {
                return false;
            }
        }
        return false;
    }

    void close(EpollClient c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        // Closed before the registration is cancelled: Netty then skips the epoll_ctl DEL, since
        // closing the only descriptor of a socket already takes it out of epoll.
        closeQuietly(c.socket);
        if (c.registration != null) {
            c.registration.cancel();
        }
    }

    /** Closes the clients whose deadline in their phase has passed; a queue's head expires first. */
    private void expire() {
        long now = System.nanoTime();
        expire(writing, false, now);
        expire(draining, true, now);
    }

    private void expire(ArrayDeque<EpollClient> queue, boolean drainPhase, long now) {
        while (!queue.isEmpty()) {
            EpollClient c = queue.peekFirst();
            if (c.closed || c.draining != drainPhase) {
                queue.pollFirst();
                continue;
            }
            if (c.deadlineNanos > now) {
                return;
            }
            queue.pollFirst();
            close(c);
        }
    }

    private void pauseAccepting(IOException e) {
        long now = System.nanoTime();
        if (now - lastAcceptError > 1_000_000_000L) {
            log.println("daytime-harness serve: accept failed (" + e.getMessage() + "); pausing 100 ms and carrying on");
            lastAcceptError = now;
        }
        accepting.submit(EpollIoOps.NONE);
        loop.schedule(() -> {
            if (accepting.isValid()) {
                accepting.submit(EpollIoOps.EPOLLIN);
            }
        }, ACCEPT_BACKOFF_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void closeQuietly(FileDescriptor fd) {
        try {
            fd.close();
        } catch (IOException ignored) {
            // The client went away first; nothing is lost.
        }
    }
}
