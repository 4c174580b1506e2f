package dev.daytimeharness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReplyFormatTest {
    private static final Instant AT = Instant.parse("2026-11-24T01:31:31Z");

    @ParameterizedTest
    @EnumSource(ReplyFormat.class)
    void everyFormatReadsBackToTheSameInstant(ReplyFormat format) {
        for (ZoneId zone : new ZoneId[] {ZoneOffset.UTC, ZoneId.of("America/New_York")}) {
            String text = format.render(AT, zone);
            Timestamp t = ReplyParser.read(text, zone).orElseThrow(() -> new AssertionError("unreadable: " + text));
            assertThat(t.instant()).as(text).isEqualTo(AT);
        }
    }

    @Test
    void writesTheFormsRealServersSend() {
        assertThat(ReplyFormat.CTIME.render(AT, ZoneOffset.UTC)).isEqualTo("Tue Nov 24 01:31:31 2026");
        assertThat(ReplyFormat.CTIME.render(Instant.parse("2026-11-04T01:31:31Z"), ZoneOffset.UTC)).isEqualTo("Wed Nov  4 01:31:31 2026");
        assertThat(ReplyFormat.XINETD.render(AT, ZoneOffset.UTC)).isEqualTo("24 NOV 2026 01:31:31 UTC");
        assertThat(ReplyFormat.RFC867.render(AT, ZoneOffset.UTC)).isEqualTo("Tuesday, November 24, 2026 01:31:31-UTC");
        assertThat(ReplyFormat.NIST.render(AT, ZoneOffset.UTC)).isEqualTo("61368 26-11-24 01:31:31 00 0 0   0.0 UTC(NIST) *");
        assertThat(ReplyFormat.RFC1123.render(AT, ZoneOffset.UTC)).isEqualTo("Tue, 24 Nov 2026 01:31:31 GMT");
        assertThat(ReplyFormat.RFC3339.render(AT, ZoneOffset.UTC)).isEqualTo("2026-11-24T01:31:31Z");
    }

    @Test
    void namesTheChoicesWhenAFormatIsUnknown() {
        assertThatThrownBy(() -> ReplyFormat.fromCliName("iso"))
                .hasMessageContaining("unknown format 'iso'").hasMessageContaining("ctime, xinetd");
    }
}
