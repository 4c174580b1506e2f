package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.protocol.ReplyFormats;
import dev.daytimeharness.simulator.Behaviours;
import dev.daytimeharness.simulator.SimulatedServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format of the table, written from the current time by a live server on loopback, is
 * recognised by {@code check} and its clock judged right: DT-TCP-005 and DT-TCP-006 pass, and the
 * profile names the format and who sends it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckEveryFormatLiveTest {
    @TempDir
    Path reports;

    static Stream<ReplyFormat> formats() {
        return ReplyFormats.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void recognisesTheFormatAndFindsTheClockRight(ReplyFormat format) throws Exception {
        CliRun run;
        try (SimulatedServer server = SimulatedServer.start(Behaviours.byName("format", Duration.ofHours(1), format),
                new InetSocketAddress("127.0.0.1", 0))) {
            // The simulator writes zoneless formats in this machine's zone, so the check reads them in it.
            run = CliRun.of("check", "127.0.0.1:" + server.port(), "--tags", "@DT-TCP-005 or @DT-TCP-006",
                    "--timeout", "2s", "--report", reports.toString(), "--zone", ZoneId.systemDefault().getId());
        }
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).as(run.out())
                .containsPattern("(?m)^PASS +DT-TCP-005 ").containsPattern("(?m)^PASS +DT-TCP-006 ")
                .contains("format:      " + format.described());
    }
}
