package dev.daytimeharness.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.client.Reading;
import dev.daytimeharness.conformance.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultChecksTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private static Reading reading(String reply, int reads, Outcome outcome, Duration firstByte) {
        Instant now = Instant.now();
        Exchange e = new Exchange(new Endpoint("127.0.0.1", 13), now, now.plusMillis(600),
                Optional.of(Duration.ofMillis(1)), Optional.ofNullable(firstByte), Optional.of(Duration.ofMillis(600)),
                reply.getBytes(StandardCharsets.ISO_8859_1), reads, outcome, "");
        return Reading.of(e, DEADLINE, ZoneOffset.UTC);
    }

    private static Reading good() {
        return reading("24 NOV 2026 01:31:31 UTC\r\n", 1, Outcome.CLOSED, Duration.ofMillis(3));
    }

    @Test
    void aResetIsJudgedByItsKindNotByItsWording() {
        Reading reset = reading("", 0, Outcome.RESET, null);
        assertThat(FaultChecks.failedWith(reset, 1, FaultChecks.Reported.byWords("connection reset"), false)).isEmpty();
        assertThat(FaultChecks.failedWith(reset, 1, FaultChecks.Reported.byWords("connection refused"), false)).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void aSuccessIsNotTheExpectedFailure() {
        assertThat(FaultChecks.failedWith(good(), 1, FaultChecks.Reported.TRUNCATED, false)).get()
                .satisfies(f -> assertThat(f.message()).contains("got exit 0"));
    }

    @Test
    void aCutReplyIsReportedAsTruncated() {
        Reading cut = reading("24 NO", 1, Outcome.CLOSED, Duration.ofMillis(3));
        assertThat(FaultChecks.failedWith(cut, 1, FaultChecks.Reported.TRUNCATED, false)).isEmpty();
        assertThat(FaultChecks.succeeded(cut)).isPresent();
    }

    @Test
    void aPlainCloseBehindDockersPortProxyIsOnlyAWarningForAReset() {
        Reading closed = reading("", 0, Outcome.CLOSED, null);
        assertThat(FaultChecks.failedWith(closed, 1, FaultChecks.Reported.RESET, true)).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
        assertThat(FaultChecks.failedWith(closed, 1, FaultChecks.Reported.RESET, false)).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    }

    @Test
    void timingsAreWindowsOnTheExchange() {
        assertThat(FaultChecks.replyStartsAtLeast(good(), 500)).isPresent();
        assertThat(FaultChecks.replyStartsWithin(good(), 500)).isEmpty();
        assertThat(FaultChecks.closesAtLeast(good(), 500)).isEmpty();
        assertThat(FaultChecks.uncertaintyAtLeast(good(), 250)).isEmpty();
        assertThat(FaultChecks.wholeInManyReads(good())).get()
                .satisfies(f -> assertThat(f.message()).contains("1 read(s)"));
    }

    @Test
    void anUnknownFailureNameIsAMistakeInTheFeatureSaidOnce() {
        assertThatThrownBy(() -> FaultChecks.Reported.byWords("gremlins")).hasMessageContaining("known: connection reset");
    }
}
