package dev.daytimeharness.faults.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import dev.daytimeharness.faults.toxics.Latency;
import dev.daytimeharness.faults.toxics.Noop;
import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout.ThreadMode;

/**
 * The zero-copy path: a stream with no toxic goes through splice(2), one with a toxic through the
 * JVM, and a toxic added to or removed from a live stream switches it with every byte there, once
 * and in order. Real sockets on loopback, a large stream checked by its digest.
 */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class SpliceTest {
    private static final int MIB = 1 << 20;
    private final LinkLoop loop = new LinkLoop();
    private final List<ToxicSpec> toxics = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private ProxyListener proxy;

    @BeforeEach
    void nativeTransport() throws InterruptedException {
        // splice(2) is Linux's, reached through Netty's epoll transport; CI runs Linux, so this must hold.
        assertThat(Epoll.isAvailable()).as("Netty's native epoll transport loads").isTrue();
        // fcntl(2) comes through JNA, loaded on a thread of its own: until then Netty's 64 KiB pipe
        // serves. Every test here runs on the big pipes, whose chunks outlast a FIN more often.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!SplicePipe.available()) {
            assertThat(System.nanoTime()).as("JNA's fcntl loaded within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        loop.close();
        if (server != null) {
            server.close();
        }
    }

    /** An upstream that sends {@code mib} MiB of seeded random bytes to its one client, then closes. */
    private int upstream(int mib) throws IOException {
        server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                Random random = new Random(mib);
                byte[] chunk = new byte[MIB];
                for (int i = 0; i < mib; i++) {
                    random.nextBytes(chunk);
                    out.write(chunk);
                }
            } catch (IOException e) {
                // The test failed or stopped early; its reader says so.
            }
        }, "splice-upstream");
        t.setDaemon(true);
        t.start();
        return server.getLocalPort();
    }

    private static byte[] expected(int mib) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        Random random = new Random(mib);
        byte[] chunk = new byte[MIB];
        for (int i = 0; i < mib; i++) {
            random.nextBytes(chunk);
            d.update(chunk);
        }
        return d.digest();
    }

    /**
     * A toxic on the client's stream makes the connection a Link (with none, it stays a PlainLink,
     * which never splices); the server's stream, the one these tests read, has none in its way.
     */
    private void onTheClientsStream() {
        toxics.add(new ToxicSpec("link", "noop", "upstream", 1f, new Noop(), null));
    }

    private int proxyTo(int port, Metrics metrics) throws IOException {
        proxy = ProxyListener.start("bulk", new InetSocketAddress("127.0.0.1", 0), Endpoint.parse("127.0.0.1:" + port, 0),
                () -> toxics, metrics, "127.0.0.1:" + port, loop);
        return Integer.parseInt(proxy.listen().substring(proxy.listen().lastIndexOf(':') + 1));
    }

    /** Reads the stream to its end, calling {@code at} once each time the count passes a whole MiB. */
    private static byte[] read(int port, java.util.function.IntConsumer at) throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            byte[] buf = new byte[256 << 10];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
                long before = total;
                total += n;
                for (long m = before / MIB + 1; m <= total / MIB; m++) {
                    at.accept((int) m);
                }
            }
        }
        return d.digest();
    }

    @Test
    void aStreamWithNoToxicIsSplicedWhole() throws Exception {
        onTheClientsStream();
        int port = proxyTo(upstream(16), Metrics.none());
        assertThat(read(port, m -> { })).isEqualTo(expected(16));
        // All but the first SPLICE_AFTER bytes and a last chunk's part went through splice(2).
        assertThat(proxy.splicedBytes()).isGreaterThan(8L * MIB);
    }

    @Test
    void aSplicedStreamGoesThroughAMebibytePipe() throws Exception {
        long before = SplicePipe.sized();
        onTheClientsStream();
        int port = proxyTo(upstream(16), Metrics.none());
        assertThat(read(port, m -> { })).isEqualTo(expected(16));
        assertThat(SplicePipe.sized()).as("pipes made %d bytes", SplicePipe.SIZE).isGreaterThan(before);
    }

    @Test
    void aConnectionWithNoToxicAtAllCarriesAStreamWholeWithoutSplice() throws Exception {
        int port = proxyTo(upstream(16), Metrics.none());
        assertThat(read(port, m -> { })).isEqualTo(expected(16));
        // Read and written by its PlainLink: on loopback that beat splice(2) (the README's Benchmarks).
        assertThat(proxy.splicedBytes()).isZero();
    }

    @Test
    void withProxyMetricsEveryByteIsCountedInTheJvm() throws Exception {
        Metrics metrics = Metrics.of(true, false);
        int port = proxyTo(upstream(8), metrics);
        assertThat(read(port, m -> { })).isEqualTo(expected(8));
        assertThat(proxy.splicedBytes()).isZero();
        assertThat(metrics.exposition()).contains("toxiproxy_proxy_sent_bytes_total{direction=\"downstream\"")
                .contains("} " + (8 * MIB) + "\n");
    }

    @Test
    void aToxicAddedMidStreamTakesItOverAndItsRemovalHandsBack() throws Exception {
        int mib = 64;
        onTheClientsStream();
        int port = proxyTo(upstream(mib), Metrics.none());
        ToxicSpec latency = new ToxicSpec("slow", "latency", "downstream", 1f, new Latency(1, 0), null);
        long[] splicedAt = new long[4];
        byte[] got = read(port, m -> {
            if (m == 4) {
                splicedAt[0] = proxy.splicedBytes();
                toxics.add(latency);
                proxy.toxicsChanged();
            } else if (m == 24) {
                splicedAt[1] = proxy.splicedBytes();
            } else if (m == 40) {
                splicedAt[2] = proxy.splicedBytes();
                toxics.remove(latency);
                proxy.toxicsChanged();
            }
        });
        splicedAt[3] = proxy.splicedBytes();
        assertThat(got).as("every byte, once, in order").isEqualTo(expected(mib));
        assertThat(splicedAt[0]).as("spliced before the toxic").isPositive();
        // Between 24 and 40 MiB read, the proxy read well past where the toxic joined, socket buffers and all.
        assertThat(splicedAt[2]).as("no splice while the toxic is on").isEqualTo(splicedAt[1]);
        assertThat(splicedAt[3]).as("spliced again once it is off").isGreaterThan(splicedAt[2]);
    }
}
