package dev.daytimeharness.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.Severity;
import dev.daytimeharness.protocol.ReplyFacts;
import dev.daytimeharness.protocol.ReplyParser;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyChecksTest {
    private static final String GOOD = "24 NOV 2026 01:31:31 UTC\r\n";

    private static byte[] bytes(String reply) {
        return reply.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static ReplyFacts facts(String reply) {
        return ReplyParser.parse(bytes(reply), ZoneOffset.UTC, java.time.Instant.parse("2026-11-24T01:31:31Z"));
    }

    /** Every check on the reply's content, run over one reply. */
    private static List<Optional<Finding>> allChecks(String reply) {
        ReplyFacts f = facts(reply);
        return List.of(ReplyChecks.ascii(f, bytes(reply)), ReplyChecks.formatRecognised(f), ReplyChecks.singleLine(f),
                ReplyChecks.noControlCharacters(f), ReplyChecks.endsWithCrLf(f), ReplyChecks.fitsBuffer(f, 1024));
    }

    @Test
    void anEmptyReplyFailsEveryCheckInsteadOfPassingForWantOfAnythingToObjectTo() {
        assertThat(allChecks("")).hasSize(6).allSatisfy(finding -> {
            assertThat(finding).isPresent();
            assertThat(finding.get().severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.get().message()).contains("no reply arrived");
        });
    }

    @Test
    void anEmptyReplyIsNotOneLine() {
        assertThat(ReplyChecks.singleLine(facts(""))).get().extracting(Finding::message).asString()
                .contains("no reply arrived");
    }

    @Test
    void aGoodReplyStillPassesEveryCheck() {
        assertThat(allChecks(GOOD)).allSatisfy(finding -> assertThat(finding).isEmpty());
    }

    @Test
    void aReplyOfOnlyALineEndingIsJudgedAsBeforeNotAsNoReply() {
        // Non-empty replies keep their verdicts: CR LF alone is ASCII, ends with CR LF, and is caught by notEmpty.
        ReplyFacts f = facts("\r\n");
        assertThat(ReplyChecks.ascii(f, bytes("\r\n"))).isEmpty();
        assertThat(ReplyChecks.endsWithCrLf(f)).isEmpty();
        assertThat(ReplyChecks.notEmpty(f)).get().extracting(Finding::message).asString().contains("no text");
    }

    @Test
    void aMultiLineReplyStillOnlyWarns() {
        assertThat(ReplyChecks.singleLine(facts("one\r\ntwo\r\n"))).get().extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
    }

    /** The clock check on a day/month text read at {@code ours}, with the harness's default tolerance. */
    private static Optional<Finding> clockOf(String line, java.time.Instant ours) {
        dev.daytimeharness.protocol.Timestamp t = ReplyParser.read(line, ZoneOffset.UTC, ours).orElseThrow();
        var offset = dev.daytimeharness.protocol.ClockOffset.measure(t, ours, ours);
        return ReplyChecks.clockWithin(t, offset, java.time.Duration.ofSeconds(5));
    }

    @Test
    void anAmbiguousDateNearOurClockPassesTheClockCheck() {
        assertThat(clockOf("01/12/2026 21:33:45", java.time.Instant.parse("2026-12-01T21:33:46Z"))).isEmpty();
    }

    @Test
    void anAmbiguousDateWithinTheBoundButOutsideTheToleranceFailsAndSaysHowItWasRead() {
        Optional<Finding> f = clockOf("01/12/2026 21:33:45", java.time.Instant.parse("2026-12-13T21:33:45Z"));
        assertThat(f).get().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(f.get().message()).contains("the clock is off by -1036799.500 s")
                .contains("read as day/month (dotnet-en-gb); the month/day (dotnet-invariant) reading is 335 days off");
    }

    @Test
    void anAmbiguousDateWithNoReadingWithinTheBoundFailsEvenUnderAWideToleranceAndQuotesTheNearest() {
        java.time.Instant ours = java.time.Instant.parse("2026-12-15T21:33:45Z");
        dev.daytimeharness.protocol.Timestamp t = ReplyParser.read("01/12/2026 21:33:45", ZoneOffset.UTC, ours).orElseThrow();
        var offset = dev.daytimeharness.protocol.ClockOffset.measure(t, ours, ours);
        Optional<Finding> f = ReplyChecks.clockWithin(t, offset, java.time.Duration.ofDays(30));
        assertThat(f).get().extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(f.get().message()).startsWith("no reading of the timestamp is within 13 days of our clock: the nearest,"
                + " day/month (dotnet-en-gb), is 14 days off (-1209599.500 s");
    }

    @Test
    void aFormatThatIsRecognisedIsNeverLeftWithoutAClockVerdict() {
        // A clear, wrong clock: recognised, so judged and failed, not skipped.
        Optional<Finding> f = clockOf("12/1/2026 9:33:45 PM", java.time.Instant.parse("2026-12-01T23:33:45Z"));
        assertThat(f).get().extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }
}
