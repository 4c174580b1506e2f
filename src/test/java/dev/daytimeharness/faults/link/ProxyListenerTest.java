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
    final LinkLoop loop = newLoop();
    private final List<ToxicSpec> toxics = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private ProxyListener proxy;

    /** Linux epoll here, where CI runs; {@link ProxyListenerOnNioTest} runs the same on the JDK's selector. */
    LinkLoop newLoop() {
        return new LinkLoop();
    }

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

    /** A server that sends back each byte it gets, until the client's end. */
    private int echo() throws IOException {
        return upstream(s -> quietly(() -> {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                for (int b = in.read(); b >= 0; b = in.read()) {
                    out.write(b);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void aConnectionWithNothingInItsWayGoesPlainAndTakesUpAToxicAddedLater() throws Exception {
        int port = proxyTo(echo());
        try (Socket c = client(port); InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
            out.write('a');
            assertThat(in.read()).isEqualTo('a');
            assertThat(proxy.plainAndCorked()[0]).as("plain connections").isEqualTo(loop.epoll() ? 1 : 0);
            toxics.add(downstream("late", new Latency(400, 0)));
            proxy.toxicsChanged();
            assertThat(proxy.plainAndCorked()[0]).as("plain connections once a toxic is on").isZero();
            long start = System.nanoTime();
            out.write('b');
            assertThat(in.read()).isEqualTo('b');
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        }
    }

    @Test
    void aPlainClientIsCorkedOnlyUntilAWriteThatMayNotBeTheLast() throws Exception {
        java.util.concurrent.CountDownLatch more = new java.util.concurrent.CountDownLatch(1);
        int port = proxyTo(upstream(s -> quietly(() -> {
            try (s; OutputStream out = s.getOutputStream()) {
                out.write('a');
                out.flush();
                more.await(10, TimeUnit.SECONDS);
                out.write('b');
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        })));
        try (Socket c = client(port); InputStream in = c.getInputStream()) {
            assertThat(in.read()).isEqualTo('a');
            // 'a' was not the last: had the cork stayed on, more would wait for it in the kernel.
            assertThat(proxy.plainAndCorked()).containsExactly(1, 0);
            more.countDown();
            assertThat(in.read()).isEqualTo('b');
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aPlainClientIsCorkedBeforeItsFirstByte() throws Exception {
        int port = proxyTo(upstream(s -> { }));
        try (Socket c = client(port)) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (proxy.plainAndCorked()[0] == 0 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(proxy.plainAndCorked()).containsExactly(1, 1);
        }
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    /** A server that sends {@code bytes} to each client, then closes. */
    private int sending(byte[] bytes) throws IOException {
        return upstream(s -> quietly(() -> {
            try (s; OutputStream out = s.getOutputStream()) {
                out.write(bytes);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void aSlowReaderOfALongStreamGetsEveryByteInOrder() throws Exception {
        byte[] sent = pattern(32 << 20);  // past what the socket buffers on the way hold: some writes come up short
        int port = proxyTo(sending(sent));
        Socket c = new Socket();
        open.add(c);
        c.setReceiveBufferSize(4096);
        c.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        c.setSoTimeout(10_000);
        Thread.sleep(300);
        byte[] got = c.getInputStream().readAllBytes();
        assertThat(got).hasSize(sent.length);
        assertThat(java.util.Arrays.mismatch(got, sent)).as("first byte that differs").isEqualTo(-1);
    }

    @Test
    void aRefusedUpstreamClosesTheClientAndLeavesNothingOpen() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        int port = proxyTo(closedPort);
        try (Socket c = client(port); InputStream in = c.getInputStream()) {
            assertThat(in.read()).isEqualTo(-1);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (proxy.openConnections() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(proxy.openConnections()).isZero();
    }

    @Test
    void aClientsHalfCloseClosesTheServersSocketAndThenTheClients() throws Exception {
        java.util.concurrent.CompletableFuture<Integer> serverRead = new java.util.concurrent.CompletableFuture<>();
        int port = proxyTo(upstream(s -> quietly(() -> {
            try (s; InputStream in = s.getInputStream()) {
                serverRead.complete(in.read());
            } catch (IOException e) {
                serverRead.completeExceptionally(e);
            }
        })));
        try (Socket c = client(port); InputStream in = c.getInputStream()) {
            c.shutdownOutput();
            assertThat(serverRead.get(10, TimeUnit.SECONDS)).as("the server's read").isEqualTo(-1);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aToxicAddedWhileAReaderLagsTakesOverAfterTheBytesAlreadyReadWithNoneLostOrReordered() throws Exception {
        byte[] sent = pattern(64 << 20);
        int port = proxyTo(sending(sent));
        Socket c = client(port);
        InputStream in = c.getInputStream();
        byte[] got = new byte[sent.length];
        int n = in.readNBytes(got, 0, 1 << 20);
        // The reader stops: the proxy fills the socket buffers on the way and holds what its last write left.
        Thread.sleep(500);
        toxics.add(downstream("late", new Latency(1, 0)));
        proxy.toxicsChanged();
        assertThat(proxy.plainAndCorked()[0]).as("plain connections once a toxic is on").isZero();
        n += in.readNBytes(got, n, got.length - n);
        assertThat(n).isEqualTo(sent.length);
        assertThat(java.util.Arrays.mismatch(got, sent)).as("first byte that differs").isEqualTo(-1);
        assertThat(in.read()).isEqualTo(-1);
        // Only a plain link has bytes of its own to hand over: epoll's.
        assertThat(proxy.handedOverPending()).as("hand-overs with bytes still to write").isEqualTo(loop.epoll() ? 1 : 0);
    }

    @Test
    void aReplyReachesAClientWhoseRequestIsStillUnreadWhenTheServerCloses() throws Exception {
        byte[] reply = "Thursday, December 3, 2026 13:37:04-UTC\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int port = proxyTo(upstream(s -> quietly(() -> {
            try (s; OutputStream out = s.getOutputStream()) {
                out.write(reply);  // at once, and close: input never read
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        })));
        // Bounded: 200 exchanges. A request the proxy has not read when it closes would make its
        // close a reset; a corked reply still in the kernel would go with it.
        for (int i = 0; i < 200; i++) {
            try (Socket c = client(port); InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
                out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                assertThat(in.readNBytes(reply.length)).as("reply %d", i).isEqualTo(reply);
            }
            open.clear();
        }
    }

    @Test
    void aConnectThatHangsIsGivenUpAfterFiveSecondsAndItsClientClosed() throws Exception {
        // A listener whose accept queue is full drops every further SYN: the connect neither succeeds nor fails.
        ServerSocket full = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        open.add(full);
        for (int i = 0; i < 2; i++) {  // the queue of a backlog of 1 holds 2
            Socket filler = new Socket();
            open.add(filler);
            filler.connect(new InetSocketAddress("127.0.0.1", full.getLocalPort()), 2000);
        }
        int port = proxyTo(full.getLocalPort());
        try (Socket c = client(port); InputStream in = c.getInputStream()) {
            long start = System.nanoTime();
            assertThat(in.read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(4900));
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (proxy.openConnections() > 0 && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(proxy.openConnections()).isZero();
    }
}
