package dev.daytimeharness.faults.link;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;

/**
 * The one event-loop thread that every proxy of one embedded Toxiproxy relays its connections on,
 * with every toxic's timers: haproxy serves as many connections from one thread. Linux epoll
 * through Netty's native transport where it loads, the JDK's selector elsewhere. Made on first
 * use, so a run that proxies nothing starts no thread.
 */
public final class LinkLoop implements AutoCloseable {
    private final boolean epoll;
    private EventLoopGroup group;
    private boolean closed;

    public LinkLoop() {
        this(Epoll.isAvailable());
    }

    /** {@code epoll} false: the JDK's selector and Netty's channels, as where epoll does not load (tests use both). */
    LinkLoop(boolean epoll) {
        this.epoll = epoll;
    }

    synchronized EventLoopGroup group() {
        if (closed) {
            throw new IllegalStateException("the proxies' event loop has been shut down");
        }
        if (group == null) {
            group = new MultiThreadIoEventLoopGroup(1, r -> {
                Thread t = new Thread(r, "proxy-links");
                t.setDaemon(true);
                return t;
            }, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        }
        return group;
    }

    /** Whether the loop is Linux epoll, where a proxy may take its sockets from Netty ({@link EpollListener}). */
    boolean epoll() {
        return epoll;
    }

    /** The loop's one thread, for what registers file descriptors on it directly. */
    IoEventLoop ioLoop() {
        return (IoEventLoop) group().next();
    }

    /**
     * A listening socket of {@code address}'s own family: an IPv4 address gets an IPv4 socket, not
     * a dual-stack IPv6 one (which costs a system call more for every connection).
     */
    ChannelFactory<ServerChannel> serverChannel(InetAddress address) {
        SocketProtocolFamily family = family(address);
        return epoll ? () -> new EpollServerSocketChannel(family) : NioServerSocketChannel::new;
    }

    /** A socket to connect to {@code address}, of its family. */
    ChannelFactory<Channel> channel(InetAddress address) {
        SocketProtocolFamily family = family(address);
        return epoll ? () -> new EpollSocketChannel(family) : NioSocketChannel::new;
    }

    private static SocketProtocolFamily family(InetAddress address) {
        return address instanceof Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    }

    /** Stops the thread; the proxies on it must have been closed first. */
    @Override
    public synchronized void close() {
        closed = true;
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
    }
}
