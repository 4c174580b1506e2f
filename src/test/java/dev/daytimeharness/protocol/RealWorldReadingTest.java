package dev.daytimeharness.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What deployed servers and runtimes really send, how ambiguous dates are decided, and what is never read. */
class RealWorldReadingTest {
    /** When the issue's .NET sample was run. */
    private static final Instant SAMPLE_RUN = Instant.parse("2026-12-01T21:33:47Z");

    private static Timestamp read(String line, Instant ours) {
        return ReplyParser.read(line, ZoneOffset.UTC, ours).orElseThrow(() -> new AssertionError("unrecognised: " + line));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "12/1/2026 9:33:45 PM    | dotnet-en-us     | 2026-12-01T21:33:45Z",
            "12/01/2026 21:33:43     | dotnet-invariant | 2026-12-01T21:33:43Z",
            "01.12.2026 21:33:45     | dotnet-de-de     | 2026-12-01T21:33:45Z",
            "01/12/2026 21:33:45     | dotnet-en-gb     | 2026-12-01T21:33:45Z",
            "2026/12/01 21:33:45     | dotnet-ja-jp     | 2026-12-01T21:33:45Z",
            "Tue Dec 01 21:33:45 UTC 2026 | unix-date   | 2026-12-01T21:33:45Z",
            "2026-12-01T21:33:45.123456789Z[Etc/UTC] | java-zoned | 2026-12-01T21:33:45.123456789Z",
            "2026-12-01T21:33:45.123456789 | java-local | 2026-12-01T21:33:45.123456789Z",
            "2026-12-01T21:33:45.123Z | rfc3339         | 2026-12-01T21:33:45.123Z",
            "2026-12-01 21:33:45.123456789 +0000 UTC m=+0.000012345 | go-time | 2026-12-01T21:33:45.123456789Z",
            "2026-12-01 21:33:45.123456 | python-str    | 2026-12-01T21:33:45.123456Z",
            "Tue, 01 Dec 2026 21:33:45 -0000 | rfc1123 | 2026-12-01T21:33:45Z",
            "Tue Dec 01 2026 21:33:48 GMT+0000 (Coordinated Universal Time) | node-date | 2026-12-01T21:33:48Z",
            "12/1/2026, 9:33:48 PM   | node-en-us       | 2026-12-01T21:33:48Z",
            "Tue Dec  1 21:33:45 2026 | ctime           | 2026-12-01T21:33:45Z",
            "Tue, Dec 01, 2026, 21:33:45-UTC | truetime  | 2026-12-01T21:33:45Z",
            "Tuesday, December 1, 2026 16:33:45-EST-DST | rfc867-long | 2026-12-01T20:33:45Z",
            "21.36.03 01/12/2026     | windows-dotted-time | 2026-12-01T21:36:03Z",
            "Tue. 21:33:45 2026-12-1 | windows-day-prefix | 2026-12-01T21:33:45Z",
            "61375 26-12-01 21:33:45 50 0 4 0.0 UTC(NIST) * | nist | 2026-12-01T21:33:45Z",
    })
    void readsWhatRealSystemsSend(String line, String format, String instant) {
        Timestamp t = read(line, SAMPLE_RUN);
        assertThat(t.format()).isEqualTo(format);
        assertThat(t.instant()).isEqualTo(Instant.parse(instant));
    }

    @Test
    void namesTheFormatWithItsProvenance() {
        assertThat(read("12/1/2026 9:33:45 PM", SAMPLE_RUN).described())
                .isEqualTo("dotnet-en-us (.NET DateTime.ToString, en-US)");
    }

    @Test
    void readsADayMonthDateAsDayMonthWhenThatIsNearOurClockAndSaysSo() {
        Timestamp t = read("01/12/2026 21:33:45", SAMPLE_RUN);
        assertThat(t.format()).isEqualTo("dotnet-en-gb");
        ReadingChoice c = t.choice().orElseThrow();
        assertThat(c.decided()).isTrue();
        assertThat(c.describe()).isEqualTo("read as day/month (dotnet-en-gb); the month/day (dotnet-invariant) reading is 323 days off");
    }

    @Test
    void readsTheSameTextAsMonthDayWhenOurClockSaysJanuary() {
        Timestamp t = read("01/12/2026 21:33:45", Instant.parse("2026-01-12T21:33:47Z"));
        assertThat(t.format()).isEqualTo("dotnet-invariant");
        assertThat(t.instant()).isEqualTo(Instant.parse("2026-01-12T21:33:45Z"));
    }

    @Test
    void decidesATwoDigitYearAndAnUnorderedDayAndMonthTogether() {
        Timestamp t = read("09:37 PM 01/12/26", Instant.parse("2026-12-01T21:37:20Z"));
        assertThat(t.format()).isEqualTo("windows-short");
        assertThat(t.instant()).isEqualTo(Instant.parse("2026-12-01T21:37:00Z"));
        assertThat(t.resolution()).isEqualTo(Duration.ofMinutes(1));
        assertThat(t.choice().orElseThrow().describe()).isEqualTo("read as day/month in 2026 (windows-short); the month/day in 2026 reading is 323 days off");
    }

    @Test
    void takesAReadingTwelveDaysOffAsDecidedButNotOneFourteenDaysOff() {
        Instant twelveDaysLater = Instant.parse("2026-12-13T21:33:45Z");
        Instant fourteenDaysLater = Instant.parse("2026-12-15T21:33:45Z");
        assertThat(read("01/12/2026 21:33:45", twelveDaysLater).choice().orElseThrow().decided()).isTrue();
        ReadingChoice far = read("01/12/2026 21:33:45", fourteenDaysLater).choice().orElseThrow();
        assertThat(far.decided()).isFalse();
        assertThat(far.chosen()).isEqualTo("day/month (dotnet-en-gb)");
        assertThat(ReadingChoice.span(far.chosenOff())).isEqualTo("14 days");
    }

    @Test
    void anUnambiguousDateHasNoChoiceToReport() {
        assertThat(read("25/12/2026 08:00:00", Instant.parse("2026-12-25T08:00:01Z")).choice()).isEmpty();
        assertThat(read("05/05/2026 08:00:00", Instant.parse("2026-05-05T08:00:01Z")).choice()).isEmpty();
    }

    @Test
    void ambiguityNeverMakesAReplyUnrecognisedHoweverFarOurClockIs() {
        assertThat(ReplyParser.read("01/12/2026 21:33:45", ZoneOffset.UTC, Instant.parse("1990-01-01T00:00:00Z"))).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "uptime 12:34:56 load 0.10", "12:34:56", "21:33:45 up 3 days, load average: 0.10", "2026-12-01",
            "01/12/2026", "Tue Dec  1 21:33:45", "Tue Dec  1 21:33:45 2026 and more", "version 1.2.3 built 2026-12-01",
            "Tue Dec  1 25:33:45 2026", "31/31/2026 21:33:45", "12/1/2026 13:33:45 PM 2", "HTTP/1.1 200 OK",
            "Date: Tue, 01 Dec 2026 21:33:45 GMT", "SSH-2.0-OpenSSH_9.2p1", "61375 26-12-01 21:33:45 UTC(NIST)",
    })
    void neverReadsATimeIntoTextThatIsNotATimestamp(String line) {
        assertThat(ReplyParser.read(line, ZoneOffset.UTC, SAMPLE_RUN)).isEmpty();
    }

    @Test
    void readsTheFirstLineOfAMultiLineReply() {
        byte[] reply = "Tue, 01 Dec 2026 21:33:45 +0000\r\nC:\\Program Files\\ats.exe\r\n".getBytes(StandardCharsets.US_ASCII);
        Timestamp t = ReplyParser.parse(reply, ZoneOffset.UTC, SAMPLE_RUN).timestamp().orElseThrow();
        assertThat(t.format()).isEqualTo("rfc1123");
    }

    @Test
    void readsTheSameUnderAnotherDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.GERMANY, new Locale("tr", "TR"), Locale.JAPAN}) {
                Locale.setDefault(l);
                assertThat(read("Tuesday, December 1, 2026 21:33:45-UTC", SAMPLE_RUN).instant())
                        .isEqualTo(Instant.parse("2026-12-01T21:33:45Z"));
                assertThat(ReplyFormats.RFC867.render(SAMPLE_RUN, ZoneOffset.UTC)).startsWith("Tuesday, December 1");
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
