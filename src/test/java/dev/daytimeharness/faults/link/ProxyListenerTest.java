package dev.daytimeharness.faults.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import dev.daytimeharness.faults.toxics.Bandwidth;
import dev.daytimeharness.faults.toxics.Latency;
import dev.daytimeharness.faults.toxics.Timeout;
import dev.daytimeharness.faults.toxics.Toxic;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/** The relay itself: one thread for every connection, timers for waiting toxics, and back-pressure. */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ProxyListenerTest {
    private final LinkLoop loop = new LinkLoop();
    private final List<ToxicSpec> toxics = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private ProxyListener proxy;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        loop.close();
    }

    /** A server on loopback that runs {@code each} for every connection, on a thread of its own. */
    private int upstream(Consumer<Socket> each) throws IOException {
        ServerSocket server = new ServerSocket(0, 512, java.net.InetAddress.getLoopbackAddress());
        open.add(server);
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    open.add(s);
                    Thread t = new Thread(() -> each.accept(s), "test-upstream");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "test-upstream-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private int proxyTo(int port) throws IOException {
        proxy = ProxyListener.start("test", new InetSocketAddress("127.0.0.1", 0), Endpoint.parse("127.0.0.1:" + port, 0),
                () -> toxics, Metrics.none(), "127.0.0.1:" + port, loop);
        return Integer.parseInt(proxy.listen().substring(proxy.listen().lastIndexOf(':') + 1));
    }

    private Socket client(int port) throws IOException {
        Socket s = new Socket();
        open.add(s);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(10_000);
        return s;
    }

    private static ToxicSpec downstream(String name, Toxic toxic) {
        return new ToxicSpec(name, "test", "downstream", 1f, toxic, null);
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // The test's own server side: the client's end is what is checked.
        }
    }

    @Test
    void twoHundredHeldConnectionsShareOneThread() throws Exception {
        AtomicLong connected = new AtomicLong();
        int port = proxyTo(upstream(s -> connected.incrementAndGet()));
        toxics.add(downstream("slow", new Latency(1000, 0)));
        for (int i = 0; i < 200; i++) {
            client(port);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (connected.get() < 200 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(connected.get()).isEqualTo(200);
        List<String> proxyThreads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("proxy")).toList();
        // A thread per direction would be 400 here.
        assertThat(proxyThreads).containsExactly("proxy-links");
    }

    @Test
    void aChunkThatArrivesWhileAnotherIsDelayedIsDelayedFromItsOwnArrival() throws Exception {
        int port = proxyTo(upstream(s -> quietly(() -> {
            try (s; OutputStream out = s.getOutputStream()) {
                out.write('a');
                out.flush();
                Thread.sleep(150);
                out.write('b');
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        })));
        toxics.add(downstream("late", new Latency(400, 0)));
        try (Socket c = client(port); InputStream in = c.getInputStream()) {
            long start = System.nanoTime();
            assertThat(in.read()).isEqualTo('a');
            long a = System.nanoTime();
            assertThat(in.read()).isEqualTo('b');
            long b = System.nanoTime();
            assertThat(Duration.ofNanos(a - start)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
            // Both wait 400 ms from when they came, so they stay 150 ms apart; a toxic that took the
            // second only after the first had left would put 400 ms between them.
            assertThat(Duration.ofNanos(b - a)).isLessThan(Duration.ofMillis(330));
        }
    }

    @Test
    void removingALatencyToxicLetsWhatItHoldsThroughAtOnce() throws Exception {
        int port = proxyTo(upstream(s -> quietly(() -> {
            try {
                s.getOutputStream().write('x');
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })));
        ToxicSpec hold = downstream("hold", new Latency(60_000, 0));
        toxics.add(hold);
        try (Socket c = client(port); InputStream in = c.getInputStream()) {
            Thread.sleep(300);
            long removed = System.nanoTime();
            toxics.remove(hold);
            proxy.toxicsChanged();
            assertThat(in.read()).isEqualTo('x');
            assertThat(Duration.ofNanos(System.nanoTime() - removed)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aTimeoutAddedToAnIdleConnectionStartsAtOnce() throws Exception {
        int port = proxyTo(upstream(s -> { }));
        try (Socket c = client(port); InputStream in = c.getInputStream()) {
            Thread.sleep(200);
            // Toxiproxy starts a toxic on every open link when it is added, not at the link's next byte.
            toxics.add(downstream("cut", new Timeout(300)));
            proxy.toxicsChanged();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    /** Sends as fast as the socket takes it, up to 256 MiB, counting; the client side never reads. */
    private long sentUntilHeldBack(Toxic toxic) throws Exception {
        AtomicLong sent = new AtomicLong();
        int port = proxyTo(upstream(s -> quietly(() -> {
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = s.getOutputStream()) {
                for (int i = 0; i < 4096; i++) {
                    out.write(block);
                    sent.addAndGet(block.length);
                }
            } catch (IOException closed) {
                // The test ended the connection.
            }
        })));
        if (toxic != null) {
            toxics.add(downstream("t", toxic));
        }
        Socket c = new Socket();
        open.add(c);
        c.setReceiveBufferSize(64 * 1024);
        c.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        long last = -1;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // Until the count stands still for a second, or the sender is done.
        while (System.nanoTime() < end && sent.get() < 4096L * 64 * 1024) {
            Thread.sleep(1000);
            long now = sent.get();
            if (now == last) {
                break;
            }
            last = now;
        }
        return sent.get();
    }

    @Test
    void aClientThatDoesNotReadHoldsTheServerBack() throws Exception {
        // Kernel buffers on the way hold some tens of MiB at most; the proxy itself about 1 MiB.
        assertThat(sentUntilHeldBack(null)).isLessThan(96L << 20);
    }

    @Test
    void aBandwidthToxicHoldsTheServerBack() throws Exception {
        assertThat(sentUntilHeldBack(new Bandwidth(100))).isLessThan(96L << 20);
    }
}
