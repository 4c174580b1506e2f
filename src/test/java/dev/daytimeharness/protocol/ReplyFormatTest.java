package dev.daytimeharness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyFormatTest {
    private static final Instant AT = Instant.parse("2026-11-24T01:31:31Z");

    static Stream<ReplyFormat> formats() {
        return ReplyFormats.ALL.stream();
    }

    /** Every example line in the table, with the entry it belongs to. */
    static Stream<Arguments> examples() {
        return ReplyFormats.ALL.stream().flatMap(f -> f.examples().stream().map(e -> Arguments.of(f.name(), e)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyEntryHasAProvenanceAndTwoExamplesOrMore(ReplyFormat format) {
        assertThat(format.provenance()).isNotBlank();
        assertThat(format.examples()).hasSizeGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void everyExampleInTheTableIsReadAsItsOwnFormat(String name, String example) {
        // Read near the example's own date, so the evidence for an ambiguous one points where its entry does.
        ReplyFormat format = ReplyFormat.fromCliName(name);
        Instant near = TimestampReader.read(format, example, ZoneOffset.UTC).get(0).instant();
        Timestamp t = ReplyParser.read(example, ZoneOffset.UTC, near)
                .orElseThrow(() -> new AssertionError(name + " does not read its own example: " + example));
        assertThat(t.format()).as(example).isEqualTo(name);
        assertThat(t.provenance()).isEqualTo(format.provenance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void everyFormatReadsBackToTheSameInstantAndName(ReplyFormat format) {
        for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, ZoneId.of("America/New_York")}) {
            for (Instant at : new Instant[] {AT, Instant.parse("2026-03-02T23:05:09Z"), Instant.parse("2027-07-04T12:00:00Z")}) {
                String text = format.render(at, zone);
                Timestamp t = ReplyParser.read(text, zone, at.plus(Duration.ofSeconds(3)))
                        .orElseThrow(() -> new AssertionError("unreadable: " + text));
                assertThat(t.instant()).as(text).isEqualTo(at);
                assertThat(t.format()).as(text).isEqualTo(format.name());
            }
        }
    }

    @Test
    void theReadmeTableListsEveryFormat() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertThat(ReplyFormats.ALL).allSatisfy(f -> assertThat(readme).contains("| `" + f.name() + "` | " + f.provenance()));
    }

    @Test
    void namesAreUnique() {
        Set<String> seen = new HashSet<>();
        assertThat(ReplyFormats.ALL).allSatisfy(f -> assertThat(seen.add(f.name())).as(f.name()).isTrue());
    }

    @Test
    void writesTheFormsRealServersSend() {
        assertThat(ReplyFormats.CTIME.render(AT, ZoneOffset.UTC)).isEqualTo("Tue Nov 24 01:31:31 2026");
        assertThat(ReplyFormats.CTIME.render(Instant.parse("2026-11-04T01:31:31Z"), ZoneOffset.UTC)).isEqualTo("Wed Nov  4 01:31:31 2026");
        assertThat(ReplyFormats.XINETD.render(AT, ZoneOffset.UTC)).isEqualTo("24 NOV 2026 01:31:31 UTC");
        assertThat(ReplyFormats.RFC867.render(AT, ZoneOffset.UTC)).isEqualTo("Tuesday, November 24, 2026 01:31:31-UTC");
        assertThat(ReplyFormats.NIST.render(AT, ZoneOffset.UTC)).isEqualTo("61368 26-11-24 01:31:31 00 0 0   0.0 UTC(NIST) *");
        assertThat(ReplyFormats.RFC1123.render(AT, ZoneOffset.UTC)).isEqualTo("Tue, 24 Nov 2026 01:31:31 GMT");
        assertThat(ReplyFormats.RFC3339.render(AT, ZoneOffset.UTC)).isEqualTo("2026-11-24T01:31:31Z");
        Instant now = Instant.parse("2026-12-01T21:33:45.123456789Z");
        assertThat(ReplyFormat.fromCliName("dotnet-en-us").render(now, ZoneOffset.UTC)).isEqualTo("12/1/2026 9:33:45 PM");
        assertThat(ReplyFormat.fromCliName("go-time").render(now, ZoneOffset.UTC))
                .isEqualTo("2026-12-01 21:33:45.123456789 +0000 UTC m=+0.000012345");
        assertThat(ReplyFormat.fromCliName("java-zoned").render(now, ZoneOffset.UTC)).isEqualTo("2026-12-01T21:33:45.123456789Z[Etc/UTC]");
        assertThat(ReplyFormat.fromCliName("node-date").render(now, ZoneOffset.UTC))
                .isEqualTo("Tue Dec 01 2026 21:33:45 GMT+0000 (Coordinated Universal Time)");
    }

    @Test
    void keepsTheOldNameOfRfc867sLongExample() {
        assertThat(ReplyFormat.fromCliName("rfc867")).isSameAs(ReplyFormats.RFC867);
    }

    @Test
    void namesTheChoicesWhenAFormatIsUnknown() {
        assertThatThrownBy(() -> ReplyFormat.fromCliName("iso"))
                .hasMessageContaining("unknown format 'iso'").hasMessageContaining("ctime, unix-date");
    }
}
