package dev.daytimeharness.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReplyParserTest {
    private static final ZoneId UTC = ZoneOffset.UTC;

    /** Our clock in these tests: the day the examples were written. */
    private static final Instant NOW = Instant.parse("2026-11-24T01:31:40Z");

    private static ReplyFacts parse(String reply) {
        return ReplyParser.parse(reply.getBytes(StandardCharsets.ISO_8859_1), UTC, NOW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Tue Nov 24 01:31:31 2026\\r\\n           | ctime         | 2026-11-24T01:31:31Z | true",
            "Tue Nov  4 01:31:31 2026\\n              | ctime         | 2026-11-04T01:31:31Z | true",
            "Tue Nov 24 01:31:31 UTC 2026\\n          | unix-date       | 2026-11-24T01:31:31Z | false",
            "24 NOV 2026 01:31:31 UTC\\r\\n           | xinetd        | 2026-11-24T01:31:31Z | false",
            "24 NOV 2026 01:31:31 EST\\r\\n           | xinetd        | 2026-11-24T06:31:31Z | false",
            "Tuesday, February 22, 1982 17:37:43-PST\\r\\n | rfc867-long | 1982-02-23T01:37:43Z | false",
            "02 FEB 82 07:59:01 PST\\r\\n             | rfc867-short  | 1982-02-02T15:59:01Z | false",
            "\\n61368 26-11-24 01:31:37 00 0 0 478.7 UTC(NIST) * \\n | nist | 2026-11-24T01:31:37Z | false",
            "\\n61368 26-11-24 01:31:37 00 0 0 478.7 UTC(NIST) *\\n  | nist | 2026-11-24T01:31:37Z | false",
            "Tue, 24 Nov 2026 01:31:31 GMT\\r\\n      | rfc1123       | 2026-11-24T01:31:31Z | false",
            "24 Nov 2026 01:31:31 +0100\\r\\n         | rfc1123       | 2026-11-24T00:31:31Z | false",
            "2026-11-24T01:31:31Z\\n                  | rfc3339       | 2026-11-24T01:31:31Z | false",
            "2026-11-24T02:31:31.250+01:00\\n         | rfc3339       | 2026-11-24T01:31:31.250Z | false",
            "Thursday, July 25, 2024 14:03:07\\r\\n   | windows-long  | 2024-07-25T14:03:07Z | true",
            "Thursday, July 25, 2024 14:03:07-UTC\\r\\n | rfc867-long | 2024-07-25T14:03:07Z | false",
            "2:03:07 PM 7/25/2024\\n\\r                | windows-short | 2024-07-25T14:03:07Z | true",
    })
    void recognisesEveryKnownFormat(String reply, String format, String instant, boolean zoneAssumed) {
        ReplyFacts facts = parse(unescape(reply));
        assertThat(facts.timestamp()).as(reply).isPresent();
        Timestamp t = facts.timestamp().orElseThrow();
        assertThat(t.format()).isEqualTo(format);
        assertThat(t.instant()).isEqualTo(Instant.parse(instant));
        assertThat(t.zoneAssumed()).isEqualTo(zoneAssumed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Tue Nov 24 01:31:31 2026\\r\\n | CRLF",
            "Tue Nov 24 01:31:31 2026\\n   | LF",
            "Tue Nov 24 01:31:31 2026\\n\\r | LFCR",
            "Tue Nov 24 01:31:31 2026\\r   | CR",
            "Tue Nov 24 01:31:31 2026      | NONE",
            "one\\r\\ntwo\\n                | MIXED",
    })
    void namesTheLineEnding(String reply, LineEnding ending) {
        assertThat(parse(unescape(reply)).lineEnding()).isEqualTo(ending);
    }

    @Test
    void readsAZonelessTimestampInTheAssumedZoneAndSaysSo() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ReplyFacts facts = ReplyParser.parse("Tue Nov 24 02:31:31 2026\r\n".getBytes(StandardCharsets.US_ASCII), berlin, NOW);
        Timestamp t = facts.timestamp().orElseThrow();
        assertThat(t.instant()).isEqualTo(Instant.parse("2026-11-24T01:31:31Z"));
        assertThat(t.zone()).isEqualTo(berlin);
        assertThat(t.zoneAssumed()).isTrue();
    }

    @Test
    void exposesNistFields() {
        NistFields f = parse("\n61368 26-11-24 01:31:37 50 1 2 478.7 UTC(NIST) * \n").timestamp().orElseThrow().nist().orElseThrow();
        assertThat(f).isEqualTo(new NistFields(61368, 50, 1, 2, 478.7));
    }

    @Test
    void countsTheLeadingBlankLineNistSends() {
        ReplyFacts facts = parse("\n61368 26-11-24 01:31:37 00 0 0 478.7 UTC(NIST) * \n");
        assertThat(facts.leadingBlankLines()).isEqualTo(1);
        assertThat(facts.lineCount()).isEqualTo(1);
        assertThat(facts.lineEnding()).isEqualTo(LineEnding.LF);
    }

    @Test
    void countsATrailingNulAsNulNotText() {
        ReplyFacts facts = parse("Tue Nov 24 01:31:31 2026\r\n\0");
        assertThat(facts.chars().nul()).isEqualTo(1);
        assertThat(facts.timestamp()).isPresent();
        assertThat(facts.text()).isEqualTo("Tue Nov 24 01:31:31 2026");
    }

    @Test
    void countsNonAsciiAndControlBytes() {
        ReplyFacts facts = parse("Tue Nov 24 01:31:31 2026 \u00e9\u001b\r\n");
        assertThat(facts.chars().nonAscii()).isEqualTo(1);
        assertThat(facts.chars().control()).isEqualTo(1);
        assertThat(facts.chars().isAscii()).isFalse();
    }

    @Test
    void countsLinesOfText() {
        ReplyFacts facts = parse("Tue Nov 24 01:31:31 2026\r\nhave a nice day\r\n\r\n");
        assertThat(facts.lineCount()).isEqualTo(2);
        assertThat(facts.trailingBlankLines()).isEqualTo(1);
        assertThat(facts.timestamp()).isPresent();
    }

    @Test
    void reportsAnUnrecognisedFormatAsAFactNotAnError() {
        ReplyFacts facts = parse("it is about teatime\r\n");
        assertThat(facts.formatRecognised()).isFalse();
        assertThat(facts.text()).isEqualTo("it is about teatime");
    }

    @Test
    void takesEmptyAndBinaryRepliesCalmly() {
        assertThat(parse("").length()).isZero();
        assertThat(parse("").lineEnding()).isEqualTo(LineEnding.NONE);
        byte[] binary = new byte[5000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        ReplyFacts facts = ReplyParser.parse(binary, UTC, NOW);
        assertThat(facts.length()).isEqualTo(5000);
        assertThat(facts.formatRecognised()).isFalse();
    }

    @Test
    void rejectsADateThatDoesNotExist() {
        assertThat(parse("Tue Feb 30 01:31:31 2026\r\n").formatRecognised()).isFalse();
    }

    @Test
    void givesFractionalSecondsAFinerResolution() {
        Timestamp t = parse("2026-11-24T01:31:31.250Z\n").timestamp().orElseThrow();
        assertThat(t.resolution()).isEqualTo(Duration.ofMillis(1));
    }

    static String unescape(String s) {
        return s.strip().replace("\\r", "\r").replace("\\n", "\n");
    }
}
