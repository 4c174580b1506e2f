package dev.daytimeharness.conformance;


import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerEngine;
import dev.daytimeharness.server.ServerOptions;
import dev.daytimeharness.server.UdpDaytimeServer;
import dev.daytimeharness.target.RunningTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The server features against the reference server on its NIO engine, the one it falls back to
 * where epoll is missing: {@link FeaturesTest} runs every feature on the engine chosen by default,
 * epoll here, so this keeps the fallback to the same standard.
 */
class ServerFeaturesOnNioTest {

    @TestFactory
    Stream<DynamicTest> everyServerScenarioPassesOnTheNioEngine() {
        DaytimeServer tcp = new DaytimeServer(ServerOptions.loopback(0), ServerEngine.NIO, System.err);
        UdpDaytimeServer udp = new UdpDaytimeServer(ServerOptions.loopback(0), System.err);
        RunningTarget target;
        try {
            int tcpPort = tcp.start();
            target = new RunningTarget("the reference server on NIO (in-process, 127.0.0.1:" + tcpPort + ")",
                    new Endpoint("127.0.0.1", tcpPort), Optional.of(new Endpoint("127.0.0.1", udp.start())), () -> {
                        udp.close();
                        tcp.close();
                    });
        } catch (RuntimeException e) {
            udp.close();
            tcp.close();
            throw e;
        }
        Settings settings = Settings.defaults().reportingInto(Path.of("target", "daytime-report", "maven-nio"));
        List<ScenarioResult> results;
        try (ConformanceRun run = RunFactory.open(settings, target, ClientSetup.reference(), new PrintWriter(System.out, true))) {
            results = Conformance.run(run, List.of("features/server"), null);
        }
        return ScenarioTests.of(results);
    }
}
