package dev.daytimeharness.faults.link;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
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
 * through the proxy's toxics, all on the event loop of {@link LinkLoop}. Stopping it closes the
 * listener and every connection, as disabling a Toxiproxy proxy does.
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
    /** Set once bound; a connection may be accepted before the binding thread has set it. */
    private volatile Bound bound;

    /** The listening socket, the address it really listens on, and its byte counters. */
    private record Bound(Channel server, String listen, Metrics.Counters down, Metrics.Counters up) {}

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
            throw new IOException(osMessage(binding.cause()), binding.cause());
        }
        bound(binding.channel());
    }

    private Bound bound(Channel server) {
        Bound b = bound;
        if (b == null) {
            InetSocketAddress local = (InetSocketAddress) server.localAddress();
            String listen = ListenText.of(local);
            // Two threads may both get here: Metrics keeps one pair per proxy and listener when it counts.
            b = new Bound(server, listen, metrics.counters("downstream", name, listen, upstreamText),
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

    /** The proxy's toxics changed: every open connection follows before it moves another byte. */
    @Override
    public void toxicsChanged() {
        int v = version.incrementAndGet();
        for (Link link : links) {
            link.loop().execute(() -> link.follow(v));
        }
    }

    /** Connects to the upstream; if it cannot be reached, the client's connection is closed, as Toxiproxy does. */
    private void accepted(Channel client, Bootstrap connector) {
        Bound b = bound(client.parent());
        if (linkCount.incrementAndGet() > MAX_LINKS || !b.server().isOpen()) {
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

    @Override
    public void close() {
        bound.server().close().awaitUninterruptibly(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        List<Link> open = List.copyOf(links);
        open.forEach(Link::closeSoon);
        // Closed on their own thread, and waited for: a disabled proxy has cut its connections when this returns.
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        for (Link link : open) {
            link.closed().awaitUninterruptibly(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /** Netty's native transport words a failed bind {@code bind(..) failed: Address already in use}; the JDK as the OS does. */
    private static String osMessage(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        return message.replaceFirst("^\\w+\\(\\.\\.\\) failed: ", "");
    }
}
