package dev.daytimeharness.client.load;

import dev.daytimeharness.client.SocketFailure;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One event loop of a TCP load run on native epoll ({@link LoadEngine#EPOLL}): the exchanges of
 * {@link TcpWorker} (connect, read to EOF, close with SO_LINGER 0), each a handful of plain system
 * calls: socket, setsockopt, connect, epoll_ctl, read until EOF, close. Nothing waits for the
 * connect to finish: a refused or reset connection shows as an error on the first read.
 */
final class EpollTcpWorker implements Runnable {
    private static final long EXPIRE_EVERY_MILLIS = 50;
    /** A failure to even make a socket (out of files, say) is retried after a pause, not in a spin. */
    private static final long RETRY_AFTER_MILLIS = 10;

    private final InetSocketAddress address;
    private final boolean ipv6;
    private final int connections;
    private final long perConnectionNanos;
    private final long endNanos;
    private final Tally tally;
    private final String name;
    private final ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
    private final ArrayDeque<Exchange> inFlight = new ArrayDeque<>();
    private IoEventLoop loop;

    EpollTcpWorker(InetSocketAddress address, int connections, Duration perConnection, long endNanos, Tally tally,
                   String name) {
        this.address = address;
        this.ipv6 = address.getAddress() instanceof Inet6Address;
        this.connections = connections;
        this.perConnectionNanos = perConnection.toNanos();
        this.endNanos = endNanos;
        this.tally = tally;
        this.name = name;
    }

    /** One connection's progress; its socket is what the event loop watches. */
    private final class Exchange implements EpollIoHandle {
        final LinuxSocket socket;
        final long started = System.nanoTime();
        IoRegistration registration;
        long bytes;
        boolean done;

        Exchange(LinuxSocket socket) {
            this.socket = socket;
        }

        @Override
        public FileDescriptor fd() {
            return socket;
        }

        @Override
        public void handle(IoRegistration registration, IoEvent event) {
            if (!done) {
                read(this);
            }
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }

    @Override
    public void run() {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, r -> {
            Thread t = new Thread(r, name + "-epoll");
            t.setDaemon(true);
            return t;
        }, EpollIoHandler.newFactory());
        CountDownLatch finished = new CountDownLatch(1);
        try {
            loop = group.next();
            loop.execute(() -> {
                for (int i = 0; i < connections; i++) {
                    open();
                }
            });
            loop.scheduleAtFixedRate(this::expire, EXPIRE_EVERY_MILLIS, EXPIRE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
            loop.schedule(() -> {
                finish();
                finished.countDown();
            }, Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            // Bounded: the loop ends the run itself at endNanos; this only guards against a stuck loop.
            finished.await(Math.max(0, endNanos - System.nanoTime()) + TimeUnit.SECONDS.toNanos(10),
                    TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private void open() {
        LinuxSocket socket;
        try {
            socket = LinuxSocket.newSocketStream(ipv6);
        } catch (RuntimeException e) {
            tally.failed(ErrorKind.OTHER);
            loop.schedule(this::open, RETRY_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            return;
        }
        Exchange e = new Exchange(socket);
        inFlight.add(e);
        try {
            socket.setSoLinger(0);
            socket.connect(address);
            // On its own loop a registration completes at once.
            Future<IoRegistration> registered = loop.register(e);
            if (!registered.isSuccess()) {
                throw new IOException("cannot watch the socket: " + registered.cause());
            }
            e.registration = registered.getNow();
            e.registration.submit(EpollIoOps.EPOLLIN);
        } catch (ConnectException ex) {
            fail(e, ErrorKind.REFUSED);
            loop.execute(this::open);
        } catch (IOException | RuntimeException ex) {
            fail(e, ErrorKind.OTHER);
            loop.schedule(this::open, RETRY_AFTER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void read(Exchange e) {
        try {
            while (true) {
                int n = e.socket.read(sink, 0, sink.capacity());
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
                    open();
                }
                return; // 0: nothing more to read yet
            }
        } catch (IOException ex) {
            fail(e, kindOf(ex));
            open();
        }
    }

    /** A read on a socket whose connect failed reports the connect's errno (ECONNREFUSED). */
    private static ErrorKind kindOf(IOException ex) {
        return ErrorKind.of(SocketFailure.of(ex, true));
    }

    /** Exchanges past their deadline count as timeouts; the head of the queue is the oldest. */
    private void expire() {
        long limit = System.nanoTime() - perConnectionNanos;
        while (!inFlight.isEmpty() && (inFlight.peekFirst().done || inFlight.peekFirst().started < limit)) {
            Exchange e = inFlight.pollFirst();
            if (!e.done) {
                fail(e, ErrorKind.TIMEOUT);
                open();
            }
        }
    }

    /** The end of the run: what is still in flight is counted as unfinished and dropped. */
    private void finish() {
        long open = 0;
        for (Exchange e : inFlight) {
            if (!e.done) {
                open++;
                finish(e);
            }
        }
        inFlight.clear();
        tally.unfinished(open);
    }

    private void fail(Exchange e, ErrorKind kind) {
        tally.failed(kind);
        finish(e);
    }

    /**
     * Closes first and then forgets the registration: closing the descriptor takes it out of the
     * epoll set by itself, so no epoll_ctl call is needed for it.
     */
    private static void finish(Exchange e) {
        e.done = true;
        closeQuietly(e.socket);
        if (e.registration != null) {
            e.registration.cancel();
        }
    }

    private static void closeQuietly(FileDescriptor socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing with SO_LINGER 0 resets; nothing is left to lose.
        }
    }
}
