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
}
