package dev.daytimeharness.faults.link;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * A proxy's listening socket: accepts clients, connects each to the upstream, and links the two
 * through the proxy's toxics. Stopping it closes the listener and every connection, as disabling
 * a Toxiproxy proxy does.
 */
public final class ProxyListener implements Relay {
    private static final int MAX_LINKS = 4096;
    private static final int CONNECT_TIMEOUT_MS = 5000;
    /**
     * Threads for connecting and pumping, reused: starting a thread costs more than a whole
     * daytime exchange, so a thread per connection direction is only affordable from a pool.
     */
    private static final java.util.concurrent.ExecutorService THREADS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "proxy-link");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final ServerSocket server;
    private final Endpoint upstream;
    private final Supplier<List<ToxicSpec>> toxics;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Semaphore slots = new Semaphore(MAX_LINKS);
    private Thread acceptor;

    private final Metrics metrics;
    private final String upstreamText;

    private ProxyListener(String name, ServerSocket server, Endpoint upstream, Supplier<List<ToxicSpec>> toxics,
                          Metrics metrics, String upstreamText) {
        this.metrics = metrics;
        this.upstreamText = upstreamText;
        this.name = name;
        this.server = server;
        this.upstream = upstream;
        this.toxics = toxics;
    }

    /** Binds {@code listen} and starts accepting; throws with the bind error's message. */
    public static ProxyListener start(String name, InetSocketAddress listen, Endpoint upstream,
                                      Supplier<List<ToxicSpec>> toxics, Metrics metrics, String upstreamText)
            throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(listen, 1024);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        ProxyListener proxy = new ProxyListener(name, server, upstream, toxics, metrics, upstreamText);
        proxy.acceptor = new Thread(proxy::acceptLoop, "proxy-" + name);
        proxy.acceptor.setDaemon(true);
        proxy.acceptor.start();
        return proxy;
    }

    /** The address it really listens on (port 0 resolved). */
    public String listen() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            if (!slots.tryAcquire()) {
                quietly(client);
                continue;
            }
            THREADS.execute(() -> connect(client));
        }
    }

    /** Connects to the upstream; if it cannot be reached, the client's connection is closed, as Toxiproxy does. */
    private void connect(Socket client) {
        Socket up = new Socket();
        try {
            client.setTcpNoDelay(true);
            up.connect(new InetSocketAddress(upstream.host(), upstream.port()), CONNECT_TIMEOUT_MS);
            up.setTcpNoDelay(true);
            Link link = new Link(client, up, () -> release());
            links.add(link);
            if (server.isClosed()) {
                link.close();
                return;
            }
            link.start(toxics, THREADS, metrics.counters("downstream", name, listen(), upstreamText),
                    metrics.counters("upstream", name, listen(), upstreamText));
        } catch (IOException e) {
            quietly(client);
            quietly(up);
            slots.release();
        }
    }

    private void release() {
        slots.release();
        links.removeIf(Link::isClosed);
    }

    @Override
    public void close() {
        quietly(server);
        links.forEach(Link::close);
        links.clear();
        // The JDK releases a listening socket only when the thread blocked in accept() has left it;
        // wait for that, so a restart on the same port finds the port free.
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void quietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing is all that is left.
        }
    }
}
