package dev.daytimeharness.faults.link;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A proxy's listening socket: accepts clients, connects each to the upstream, and links the two
 * through the proxy's toxics, all on the event loop of {@link LinkLoop}. On Linux epoll the
 * listener is an {@link EpollListener}, whose connections stay {@link PlainLink}s while nothing is
 * in their way; elsewhere it is a Netty server channel. Stopping it closes the listener and every
 * connection, as disabling a Toxiproxy proxy does.
 */
public final class ProxyListener implements Relay {
    private static final int MAX_LINKS = 4096;
    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final int BACKLOG = 1024;
    private static final long CLOSE_WAIT_MS = 2000;

    private final String name;
    private final Endpoint upstream;
    private final Supplier<List<ToxicSpec>> toxics;
    private final Metrics metrics;
    private final String upstreamText;
    private final LinkLoop loop;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final AtomicInteger linkCount = new AtomicInteger();
    /** Moves on with every change to the toxics, so each link follows it before its next byte. */
    private final AtomicInteger version = new AtomicInteger();
    /** Bytes that splice(2) carried, whole chunks: tests see the zero-copy path was taken. */
    private final LongAdder splicedBytes = new LongAdder();
    /** Plain links handed to a Link with bytes a destination had not taken yet: tests see that path was taken. */
    private final LongAdder handedOverPending = new LongAdder();
    /** Set once bound; on Netty's server channel a connection may be accepted before the binding thread has set it. */
    private volatile Bound bound;
    /** The listener on epoll; null on the JDK's selector, where {@link #server} is. */
    private EpollListener epoll;
    private volatile Channel server;

    /** The address it really listens on, and its byte counters. */
    private record Bound(String listen, Metrics.Counters down, Metrics.Counters up) {}

    private ProxyListener(String name, Endpoint upstream, Supplier<List<ToxicSpec>> toxics, Metrics metrics,
                          String upstreamText, LinkLoop loop) {
        this.name = name;
        this.upstream = upstream;
        this.toxics = toxics;
        this.metrics = metrics;
        this.upstreamText = upstreamText;
        this.loop = loop;
    }

    /** Binds {@code listen} and starts accepting; throws with the bind error's message. */
    public static ProxyListener start(String name, InetSocketAddress listen, Endpoint upstream,
                                      Supplier<List<ToxicSpec>> toxics, Metrics metrics, String upstreamText,
                                      LinkLoop loop) throws IOException {
        ProxyListener proxy = new ProxyListener(name, upstream, toxics, metrics, upstreamText, loop);
        proxy.bind(listen);
        return proxy;
    }

    private void bind(InetSocketAddress address) throws IOException {
        if (loop.epoll()) {
            epoll = EpollListener.bind(address, loop.ioLoop(), new Plain());
            bound(epoll.localAddress());
            epoll.start();
            return;
        }
        // Netty sets TCP_NODELAY on every socket already. The server's side is read from the start:
        // its handler has nothing to hand bytes to only before the connect, and none come before it.
        Bootstrap connector = new Bootstrap()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MS)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true);
        ChannelFuture binding = new ServerBootstrap().group(loop.group())
                .channelFactory(loop.serverChannel(address.getAddress()))
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel client) {
                        accepted(client, connector);
                    }
                })
                .bind(address).awaitUninterruptibly();
        if (!binding.isSuccess()) {
            throw new IOException(EpollListener.bindReason(binding.cause()), binding.cause());
        }
        server = binding.channel();
        bound((InetSocketAddress) server.localAddress());
    }

    private Bound bound(InetSocketAddress local) {
        Bound b = bound;
        if (b == null) {
            String listen = ListenText.of(local);
            // Two threads may both get here: Metrics keeps one pair per proxy and listener when it counts.
            b = new Bound(listen, metrics.counters("downstream", name, listen, upstreamText),
                    metrics.counters("upstream", name, listen, upstreamText));
            bound = b;
        }
        return b;
    }

    /** The address it really listens on (port 0 resolved). */
    public String listen() {
        return bound.listen();
    }

    long splicedBytes() {
        return splicedBytes.sum();
    }

    long handedOverPending() {
        return handedOverPending.sum();
    }

    /** Connections open, plain or linked. */
    int openConnections() {
        return linkCount.get();
    }

    /** For tests: the plain connections, and how many of their clients are corked; asked on the loop, after what is queued there. */
    int[] plainAndCorked() {
        return epoll == null ? new int[2] : loop.ioLoop().submit(epoll::plainAndCorked).syncUninterruptibly().getNow();
    }

    /** The proxy's toxics changed: every open connection follows before it moves another byte. */
    @Override
    public void toxicsChanged() {
        int v = version.incrementAndGet();
        for (Link link : links) {
            link.loop().execute(() -> link.follow(v));
        }
        if (epoll != null) {
            loop.ioLoop().execute(epoll::toxicsChanged);
        }
    }

    private boolean wantsLink() {
        return metrics.proxyMetrics() || !toxics.get().isEmpty();
    }

    /** Connects to the upstream; if it cannot be reached, the client's connection is closed, as Toxiproxy does. */
    private void accepted(Channel client, Bootstrap connector) {
        Bound b = bound((InetSocketAddress) client.parent().localAddress());
        if (linkCount.incrementAndGet() > MAX_LINKS || !client.parent().isOpen()) {
            linkCount.decrementAndGet();
            client.close();
            return;
        }
        Link link = new Link(client, linkCount::decrementAndGet);
        links.add(link);
        client.closeFuture().addListener(f -> links.remove(link));
        client.pipeline().addLast(new Side(link, true, version::get));
        InetSocketAddress to = new InetSocketAddress(upstream.host(), upstream.port());
        ChannelFuture connecting = connector.clone(client.eventLoop())
                .channelFactory(loop.channel(to.getAddress()))
                .handler(new Side(link, false, version::get))
                .connect(to);
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                link.close();
            } else if (link.isClosed()) {
                connecting.channel().close();
            } else {
                // Spliced bytes pass no counter, so with proxy metrics on every byte goes through the JVM.
                link.connected(connecting.channel(), toxics, version.get(), b.down(), b.up(), !metrics.proxyMetrics(),
                        splicedBytes);
            }
        });
    }

    /** A plain connection's sockets, once its toxics or counters need them, become Netty channels carried by a Link. */
    private void link(PlainLink plain) {
        EpollSocketChannel client = new EpollSocketChannel(plain.client.intValue());
        EpollSocketChannel server = new EpollSocketChannel(plain.upstream.intValue());
        for (Channel c : List.of(client, server)) {
            c.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
            c.config().setAutoRead(false);
        }
        if (plain.clientCorked) {
            client.config().setTcpCork(false);  // the cork is the plain link's; Netty's channel writes as it goes
        }
        // The plain link's place in the count passes to this one.
        Link link = new Link(client, linkCount::decrementAndGet);
        links.add(link);
        client.closeFuture().addListener(f -> links.remove(link));
        client.pipeline().addLast(new Side(link, true, version::get));
        server.pipeline().addLast(new Side(link, false, version::get));
        EventLoop on = loop.ioLoop();
        on.register(client).addListener(registered -> {
            if (!registered.isSuccess()) {
                server.close();
                link.close();
                return;
            }
            on.register(server).addListener(f -> {
                if (!f.isSuccess()) {
                    link.close();
                    return;
                }
                // What a destination had not taken yet goes first, ahead of all the toxics pass on.
                if (plain.down.pending != null || plain.up.pending != null) {
                    handedOverPending.increment();
                }
                if (plain.down.pending != null) {
                    client.writeAndFlush(Unpooled.wrappedBuffer(plain.down.pending));
                }
                if (plain.up.pending != null) {
                    server.writeAndFlush(Unpooled.wrappedBuffer(plain.up.pending));
                }
                if (link.isClosed()) {
                    return;  // a write above failed at once and closed it
                }
                Bound b = bound;
                link.connected(server, toxics, version.get(), b.down(), b.up(), !metrics.proxyMetrics(), splicedBytes);
                server.config().setAutoRead(true);
            });
        });
    }

    @Override
    public void close() {
        if (epoll != null) {
            loop.ioLoop().submit(epoll::close).awaitUninterruptibly(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } else {
            server.close().awaitUninterruptibly(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        }
        List<Link> open = List.copyOf(links);
        open.forEach(Link::closeSoon);
        // Closed on their own thread, and waited for: a disabled proxy has cut its connections when this returns.
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        for (Link link : open) {
            link.closed().awaitUninterruptibly(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** What the epoll listener asks of this proxy. */
    private final class Plain implements EpollListener.Owner {
        @Override
        public boolean admit() {
            if (linkCount.incrementAndGet() > MAX_LINKS) {
                linkCount.decrementAndGet();
                return false;
            }
            return true;
        }

        @Override
        public void release() {
            linkCount.decrementAndGet();
        }

        @Override
        public boolean wantsLink() {
            return ProxyListener.this.wantsLink();
        }

        @Override
        public InetSocketAddress upstream() {
            return new InetSocketAddress(upstream.host(), upstream.port());
        }

        @Override
        public void link(PlainLink plain) {
            ProxyListener.this.link(plain);
        }
    }
}
