package dev.daytimeharness.faults.link;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A proxy's listening socket on Linux epoll, watched on the proxies' loop without a Netty
 * channel: every client is accepted with accept4 and its upstream connect started at once, as a
 * {@link PlainLink}. A connection the proxy's toxics or counters concern is handed, once
 * connected, to Netty's channels and a {@link Link} ({@link Owner#link}); so is a plain one
 * when a toxic arrives. Only the loop's thread touches what is here.
 */
final class EpollListener implements EpollIoHandle {
    /** What the listener needs of its proxy. */
    interface Owner {
        /** A new connection may go in: false (and it is closed) past the proxy's limit. */
        boolean admit();

        /** A plain connection is gone. */
        void release();

        /** Whether a connection must go through a Link now: toxics, or counters, are on the proxy. */
        boolean wantsLink();

        /** The upstream, resolved now, as each connect of the Netty path did. */
        InetSocketAddress upstream();

        /** Takes a plain link's sockets, open and out of epoll, and carries them on as a Link. */
        void link(PlainLink plain);
    }

    private static final int BACKLOG = 1024;
    private static final int MAX_BIG_BUFFERS = 16;
    private static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** One read's worth: what a plain link carries at once, and what each leg of a bulk stream gets of its own. */
    private static final int SCRATCH_BYTES = 256 * 1024;
    /** What Netty's accept writes the peer's address into (its own channels use the same size). */
    private static final int ADDRESS_BYTES = 26;

    private final LinuxSocket socket;
    private final IoEventLoop loop;
    private final Owner owner;
    private final InetSocketAddress local;
    private final Set<PlainLink> plain = new HashSet<>();
    /** Every connect takes the same timeout, so links join in deadline order. */
    private final ArrayDeque<PlainLink> connecting = new ArrayDeque<>();
    private final ByteBuffer scratch = ByteBuffer.allocateDirect(SCRATCH_BYTES);
    private final byte[] acceptedAddress = new byte[ADDRESS_BYTES];
    private final Runnable acceptTask = this::acceptAll;
    /** Whether the kernel lets a socket have PlainLink's bulk buffers; else setting them would shrink them. */
    private final boolean bulkSocketBuffers = kernelAllows(PlainLink.BULK_SOCKET_BUFFER);
    private IoRegistration accepting;
    private ScheduledFuture<?> expiry;
    private boolean acceptQueued;
    /** Bulk legs reading into 4 MiB of their own: a few at a time, so many long streams cannot take the JVM's direct memory. */
    private int bigBuffers;

    private EpollListener(LinuxSocket socket, IoEventLoop loop, Owner owner) {
        this.socket = socket;
        this.loop = loop;
        this.owner = owner;
        this.local = socket.localAddress();
    }

    /** Binds and listens on {@code address}, a socket of its own family; nothing is accepted before {@link #start}. */
    static EpollListener bind(InetSocketAddress address, IoEventLoop loop, Owner owner) throws IOException {
        LinuxSocket socket = LinuxSocket.newSocketStream(address.getAddress() instanceof Inet6Address);
        try {
            socket.setReuseAddress(true);
            // Accepted sockets inherit both: a setsockopt a connection saved, and PlainLink's cork.
            socket.setTcpNoDelay(true);
            socket.setIntOpt(PlainLink.IPPROTO_TCP, PlainLink.TCP_CORK, 1);
            socket.bind(address);
            socket.listen(BACKLOG);
        } catch (IOException | RuntimeException e) {
            quietly(socket);
            throw new IOException(bindReason(e), e);
        }
        return new EpollListener(socket, loop, owner);
    }

    void start() {
        loop.submit(() -> {
            accepting = loop.register(this).getNow();
            accepting.submit(EpollIoOps.EPOLLIN);
        }).syncUninterruptibly();
    }

    InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    /**
     * Accepts after the wake-up's other events, never among them: a descriptor closed by one of
     * them would come back from accept4 as a new connection's, and an event for the old socket
     * still to be handed out in the same wake-up would then reach the new one, as an end or an
     * error it never had.
     */
    @Override
    public void handle(IoRegistration registration, IoEvent event) {
        if (!acceptQueued) {
            acceptQueued = true;
            loop.execute(acceptTask);
        }
    }

    /** Empties the backlog; the listener is level-triggered, so what is left wakes it again. */
    private void acceptAll() {
        acceptQueued = false;
        trimConnecting();
        while (socket.isOpen()) {
            int fd;
            try {
                fd = socket.accept(acceptedAddress);
            } catch (IOException e) {
                return;  // out of descriptors, say: the backlog keeps it, and the next wake-up tries again
            }
            if (fd < 0) {
                return;
            }
            FileDescriptor client = new FileDescriptor(fd);
            if (!owner.admit()) {
                quietly(client);
                continue;
            }
            LinuxSocket upstream;
            InetSocketAddress to;
            try {
                to = owner.upstream();
                upstream = LinuxSocket.newSocketStream(to.getAddress() instanceof Inet6Address);
            } catch (RuntimeException e) {
                quietly(client);
                owner.release();
                continue;
            }
            PlainLink link = new PlainLink(this, client, upstream);
            plain.add(link);
            if (link.connect(to, System.nanoTime() + CONNECT_TIMEOUT_NANOS)) {
                connecting.add(link);
                expireLater();
            }
        }
    }

    IoRegistration register(EpollIoHandle handle) {
        return loop.register(handle).getNow();  // on its own loop, registering completes at once
    }

    ByteBuffer scratch() {
        return scratch;
    }

    boolean wantsLink() {
        return owner.wantsLink();
    }

    boolean bigBufferFree() {
        return bigBuffers < MAX_BIG_BUFFERS;
    }

    /**
     * A leg's 4 MiB is given back when the leg ends here; one handed to a Link with bytes still in
     * it lives until they are written, so for that while a few more than the limit may be live.
     */
    void takeBigBuffer() {
        bigBuffers++;
    }

    void giveBackBigBuffer() {
        bigBuffers--;
    }

    boolean bulkSocketBuffers() {
        return bulkSocketBuffers;
    }

    /** Hands a plain link's sockets over to a Link (it is then no longer this listener's). */
    void adopt(PlainLink link) {
        link.detach();
        plain.remove(link);
        try {
            owner.link(link);
        } catch (RuntimeException | OutOfMemoryError e) {
            // Out of epoll and out of the count's keeping: closed here, or they would stay open for good.
            quietly(link.client);
            quietly(link.upstream);
            owner.release();
        }
    }

    void closed(PlainLink link) {
        if (plain.remove(link)) {
            owner.release();
        }
    }

    /** The proxy's toxics changed: connections already relayed take them up through Links. */
    void toxicsChanged() {
        if (!owner.wantsLink()) {
            return;
        }
        for (PlainLink link : List.copyOf(plain)) {
            if (link.connected && !link.ending()) {
                link.handOver();
            }
        }
    }

    /** Connects end in about the order they start: the connected ones at the head leave at once, not at their deadline. */
    private void trimConnecting() {
        while (!connecting.isEmpty() && (connecting.peekFirst().done || connecting.peekFirst().connected)) {
            connecting.pollFirst();
        }
    }

    /** For tests: the plain connections now, and how many of their clients' sockets are corked, as the kernel says. */
    int[] plainAndCorked() throws IOException {
        int corked = 0;
        for (PlainLink link : plain) {
            corked += LinuxSocket.newSocket(link.client.intValue()).getIntOpt(PlainLink.IPPROTO_TCP, PlainLink.TCP_CORK) != 0 ? 1 : 0;
        }
        return new int[] {plain.size(), corked};
    }

    private void expireLater() {
        if (expiry == null && !connecting.isEmpty()) {
            long wait = connecting.peekFirst().connectDeadlineNanos - System.nanoTime();
            expiry = loop.schedule(this::expire, Math.max(0, wait), TimeUnit.NANOSECONDS);
        }
    }

    /** Connects past their deadline close their clients, as a failed connect does. */
    private void expire() {
        expiry = null;
        long now = System.nanoTime();
        trimConnecting();
        while (!connecting.isEmpty() && connecting.peekFirst().connectDeadlineNanos <= now) {
            connecting.pollFirst().close();
            trimConnecting();
        }
        expireLater();
    }

    /** Stops accepting and closes every plain connection; on the loop's thread (Netty calls it too, at its shutdown). */
    @Override
    public void close() {
        quietly(socket);
        if (accepting != null) {
            accepting.cancel();
        }
        if (expiry != null) {
            expiry.cancel(false);
        }
        for (PlainLink link : new ArrayList<>(plain)) {
            link.close();
        }
    }

    /**
     * The OS's reason for a failed bind, as the JDK words it: Netty's native transport says
     * {@code bind(..) failed with error(-98): Address already in use}, or {@code bind(..) failed: ...}.
     * Netty's server channel (the selector's path) fails the same way.
     */
    static String bindReason(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int cut = m.lastIndexOf("): ");
        if (cut >= 0) {
            return m.substring(cut + 3);
        }
        return m.replaceFirst("^\\w+\\(\\.\\.\\) failed: ", "");
    }

    /** net.core.rmem_max and wmem_max: what setsockopt may give a socket at most. */
    private static boolean kernelAllows(int bytes) {
        for (String max : new String[] {"/proc/sys/net/core/rmem_max", "/proc/sys/net/core/wmem_max"}) {
            try {
                if (Long.parseLong(java.nio.file.Files.readString(java.nio.file.Path.of(max)).trim()) < bytes) {
                    return false;
                }
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    static void quietly(FileDescriptor fd) {
        try {
            fd.close();
        } catch (IOException ignored) {
            // Gone already: nothing is lost.
        }
    }
}
