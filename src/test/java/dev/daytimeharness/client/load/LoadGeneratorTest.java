package dev.daytimeharness.client.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.daytimeharness.client.ClosedPort;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerOptions;
import dev.daytimeharness.server.UdpDaytimeServer;
import dev.daytimeharness.simulator.CloseWithoutSending;
import dev.daytimeharness.simulator.ResetAfterAccept;
import dev.daytimeharness.simulator.Silent;
import dev.daytimeharness.simulator.SimulatedServer;
import dev.daytimeharness.simulator.UdpSimulatedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each outcome of an exchange under load is counted as what it is, over real loopback sockets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoadGeneratorTest {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final List<String> progress = new ArrayList<>();
    private final List<String> threadsSeenDuringTheRun = new ArrayList<>();

    private LoadReport load(Endpoint target, boolean udp, Duration warmup) throws IOException {
        return load(target, udp, warmup, LoadEngine.NIO);
    }

    private LoadReport load(Endpoint target, LoadEngine engine) throws IOException {
        assumeTrue(engine.available(), engine.unavailableReason());
        return load(target, false, Duration.ZERO, engine);
    }

    private LoadReport load(Endpoint target, boolean udp, Duration warmup, LoadEngine engine) throws IOException {
        LoadOptions options = new LoadOptions(target, 2, warmup, Duration.ofSeconds(1), 0, Duration.ofMillis(300),
                1, udp, engine);
        return new LoadGenerator(options).run(line -> {
            progress.add(line);
            Thread.getAllStackTraces().keySet().forEach(t -> threadsSeenDuringTheRun.add(t.getName()));
        });
    }

    private static Endpoint loopback(int port) {
        return new Endpoint("127.0.0.1", port);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LoadEngine.class)
    void completesExchangesWithTheReferenceServerOverTcp(LoadEngine engine) throws IOException {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            assumeTrue(engine.available(), engine.unavailableReason());
            // With a warm-up, the first progress line comes while the workers are surely still running.
            LoadReport r = load(loopback(server.start()), false, Duration.ofSeconds(1), engine);
            assertThat(r.completed()).isPositive();
            assertThat(r.failed()).isZero();
            assertThat(r.p50()).isPositive().isLessThanOrEqualTo(r.p99());
            assertThat(progress).hasSize(2).allMatch(line -> line.contains("conn/s"));
            // The engine asked for is the one that ran: the epoll engine's loop has a thread of its own.
            assertThat(threadsSeenDuringTheRun.stream().anyMatch(n -> n.endsWith("-epoll")))
                    .isEqualTo(engine == LoadEngine.EPOLL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LoadEngine.class)
    void countsAConnectionClosedWithoutDataAsEmpty(LoadEngine engine) throws IOException {
        try (SimulatedServer server = SimulatedServer.start(new CloseWithoutSending(), LOOPBACK)) {
            LoadReport r = load(loopback(server.port()), engine);
            assertThat(r.completed()).isZero();
            assertThat(r.errors().get(ErrorKind.EMPTY)).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LoadEngine.class)
    void countsAResetAsReset(LoadEngine engine) throws IOException {
        try (SimulatedServer server = SimulatedServer.start(new ResetAfterAccept(), LOOPBACK)) {
            LoadReport r = load(loopback(server.port()), engine);
            assertThat(r.completed()).isZero();
            assertThat(r.errors().get(ErrorKind.RESET)).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LoadEngine.class)
    void countsAServerThatNeverAnswersAsTimeouts(LoadEngine engine) throws IOException {
        try (SimulatedServer server = SimulatedServer.start(new Silent(), LOOPBACK)) {
            LoadReport r = load(loopback(server.port()), engine);
            assertThat(r.completed()).isZero();
            // 2 in flight, 300 ms deadline, 1 s run: two or three rounds of two.
            assertThat(r.errors().get(ErrorKind.TIMEOUT)).isBetween(2L, 8L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LoadEngine.class)
    void countsAClosedPortAsRefused(LoadEngine engine) throws IOException {
        LoadReport r = load(loopback(ClosedPort.pick()), engine);
        assertThat(r.completed()).isZero();
        assertThat(r.errors().get(ErrorKind.REFUSED)).isPositive();
    }

    @Test
    void whatTheWarmUpSawIsNotCounted() throws IOException {
        LoadReport r = load(loopback(ClosedPort.pick()), false, Duration.ofSeconds(1));
        assertThat(progress).hasSize(2);
        assertThat(progress.get(0)).contains("warm-up, not counted");
        assertThat(progress.get(1)).doesNotContain("warm-up");
        // Refusals pile up at the same pace in both seconds: counting the warm-up would double them.
        long warmupRefused = refusedIn(progress.get(0));
        assertThat(warmupRefused).isPositive();
        assertThat(r.errors().get(ErrorKind.REFUSED)).isLessThan(warmupRefused * 3 / 2);
        assertThat(r.seconds()).isLessThan(1.5);
    }

    @Test
    void completesExchangesWithTheReferenceServerOverUdp() throws IOException {
        try (UdpDaytimeServer server = new UdpDaytimeServer(ServerOptions.loopback(0), System.err)) {
            LoadReport r = load(loopback(server.start()), true, Duration.ZERO);
            assertThat(r.completed()).isPositive();
            assertThat(r.failed()).isZero();
            assertThat(progress).first().asString().contains("req/s");
        }
    }

    @Test
    void countsUnansweredDatagramsAsTimeouts() throws IOException {
        try (UdpSimulatedServer server = UdpSimulatedServer.start(false, LOOPBACK)) {
            LoadReport r = load(server.endpoint(), true, Duration.ZERO);
            assertThat(r.completed()).isZero();
            assertThat(r.errors().get(ErrorKind.TIMEOUT)).isBetween(2L, 8L);
        }
    }

    @Test
    void countsAPortUnreachableAsRefused() throws IOException {
        LoadReport r = load(loopback(ClosedPort.pick()), true, Duration.ZERO);
        assertThat(r.completed()).isZero();
        assertThat(r.errors().get(ErrorKind.REFUSED)).isPositive();
    }

    @Test
    void countsAnEmptyDatagramBackAsEmpty() throws Exception {
        try (DatagramChannel server = DatagramChannel.open().bind(LOOPBACK)) {
            Thread answerer = new Thread(() -> answerEmpty(server), "empty-answerer");
            answerer.setDaemon(true);
            answerer.start();
            LoadReport r = load(loopback(((InetSocketAddress) server.getLocalAddress()).getPort()), true,
                    Duration.ZERO);
            assertThat(r.completed()).isZero();
            assertThat(r.errors().get(ErrorKind.EMPTY)).isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(LoadEngine.class)
    void loadsAnIpv6TargetWithSocketsOfItsFamily(LoadEngine engine) throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        try (ServerSocket probe = new ServerSocket(0, 1, v6)) {
            assumeTrue(probe.isBound(), "no IPv6 loopback on this machine");
        } catch (IOException e) {
            assumeTrue(false, "no IPv6 loopback on this machine: " + e.getMessage());
        }
        ServerOptions v4 = ServerOptions.loopback(0);
        ServerOptions options = new ServerOptions(v6, 0, v4.format(), v4.zone(), v4.writeDeadline(), v4.drainDeadline());
        try (DaytimeServer server = new DaytimeServer(options, System.err)) {
            LoadReport r = load(new Endpoint("::1", server.start()), engine);
            assertThat(r.completed()).isPositive();
            assertThat(r.failed()).isZero();
        }
    }

    private static void answerEmpty(DatagramChannel server) {
        ByteBuffer request = ByteBuffer.allocate(512);
        try {
            while (server.isOpen()) {
                request.clear();
                SocketAddress from = server.receive(request);
                server.send(ByteBuffer.allocate(0), from);
            }
        } catch (IOException e) {
            // Closed at the end of the test.
        }
    }

    private static long refusedIn(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("refused ([0-9]+)").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Long.parseLong(m.group(1));
    }
}
