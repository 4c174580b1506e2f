package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The reference client and the suite against real third-party daytime servers (Debian's xinetd,
 * openbsd-inetd and inetutils-inetd), which {@code .ci/peers.sh} starts on loopback and names in
 * {@code DAYTIME_PEERS="NAME=HOST:PORT[/udp],..."}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ThirdPartyPeerTest {

    @TestFactory
    List<DynamicTest> realPeersReplyAndPassTheSuite() {
        String peers = System.getenv("DAYTIME_PEERS");
        if (peers == null || peers.isBlank()) {
            String reason = "DAYTIME_PEERS is not set: no third-party daytime server is running (run"
                    + " .ci/peers.sh start and source /tmp/daytime-peers/env; CI does)";
            System.out.println("ThirdPartyPeerTest skipped: " + reason);
            return List.of(DynamicTest.dynamicTest("third-party peers", () -> Assumptions.abort(reason)));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String peer : peers.split(",")) {
            String name = peer.substring(0, peer.indexOf('='));
            String address = peer.substring(peer.indexOf('=') + 1);
            boolean udp = address.endsWith("/udp");
            String hostPort = udp ? address.substring(0, address.length() - 4) : address;
            tests.add(DynamicTest.dynamicTest(name + ": get reads and parses the reply", () -> {
                CliRun run = CliRun.of("get", hostPort, "--verbose", "--zone", "UTC");
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.out()).doesNotContain("format:      unrecognised").contains("offset:");
            }));
            tests.add(DynamicTest.dynamicTest(name + ": check passes, quirks as warnings", () -> {
                List<String> args = new ArrayList<>(List.of("check", hostPort, "--zone", "UTC",
                        "--report", "target/daytime-report/peer-" + name));
                if (udp) {
                    args.add("--udp-port");
                    args.add(hostPort.substring(hostPort.lastIndexOf(':') + 1));
                }
                CliRun run = CliRun.of(args.toArray(String[]::new));
                System.out.println("check against " + name + ":\n" + run.out());
                assertThat(run.exitCode()).as(run.out()).isZero();
                assertThat(run.out()).contains("0 fail").doesNotContain("format:      unrecognised");
            }));
        }
        return tests;
    }
}
