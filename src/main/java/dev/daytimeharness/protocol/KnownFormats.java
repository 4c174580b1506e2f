package dev.daytimeharness.protocol;

import dev.daytimeharness.protocol.TimestampReader.Reading;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every timestamp format the parser knows, tried in order; the first to match a line wins. */
final class KnownFormats {
    private static final String DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
    private static final String LONG_DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String MON = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String LONG_MON = "(January|February|March|April|May|June|July|August|September|October"
            + "|November|December)";
    private static final String HMS = "(\\d{1,2}):(\\d{2}):(\\d{2})";
    private static final String ZONE = "(" + Zones.PATTERN + ")";

    static final List<TimestampReader> ALL = List.of(
            // ctime/asctime, as inetd sends it: "Tue Nov 24 01:31:31 2026"; date(1) adds a zone before the year.
            reader("ctime", DAY + " " + MON + " +(\\d{1,2}) " + HMS + "(?: " + ZONE + ")? (\\d{4})",
                    m -> Reading.of(at(year(m.group(7)), m.group(1), m.group(2), m, 3), m.group(6))),
            // NIST: "JJJJJ YR-MO-DA HH:MM:SS TT L H msADV UTC(NIST) *", always UTC.
            reader("nist", "(\\d{5}) (\\d{2})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{2}) (\\d) (\\d) +(\\d+(?:\\.\\d+)?)"
                    + " UTC\\(NIST\\) ?\\*?", KnownFormats::nist),
            // xinetd "24 NOV 2026 01:31:31 UTC" and RFC 867's "02 FEB 82 07:59:01 PST".
            reader("xinetd", "(\\d{1,2}) " + MON + " (\\d{2}|\\d{4}) " + HMS + " " + ZONE,
                    m -> Reading.of(at(year(m.group(3)), m.group(2), m.group(1), m, 4), m.group(7))),
            // RFC 1123 / 2822: "Tue, 24 Nov 2026 01:31:31 GMT".
            reader("rfc1123", "(?:" + DAY + ", )?(\\d{1,2}) " + MON + " (\\d{4}) " + HMS + " " + ZONE,
                    m -> Reading.of(at(year(m.group(3)), m.group(2), m.group(1), m, 4), m.group(7))),
            // RFC 867's "Tuesday, February 22, 1982 17:37:43-PST"; without a zone it is Windows' and Cisco's long form.
            reader("rfc867-long", LONG_DAY + ", " + LONG_MON + " (\\d{1,2}), (\\d{4}) " + HMS + "(?:-? ?" + ZONE + ")?",
                    m -> Reading.of(at(year(m.group(3)), m.group(1), m.group(2), m, 4), m.group(7))),
            // Windows' short form "2:03:07 PM 7/25/2024", in the server's local time.
            reader("windows-short", HMS + " (AM|PM) (\\d{1,2})/(\\d{1,2})/(\\d{4})", KnownFormats::windowsShort),
            // ISO 8601 / RFC 3339: "2026-11-24T01:31:31Z", "2026-11-24 01:31:31.250+01:00".
            reader("rfc3339", "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d{1,9})? ?(Z|z|[+-]\\d{2}:?\\d{2})?",
                    KnownFormats::iso));

    private KnownFormats() {}

    /** Names a reading by what it really was: a year of two digits is RFC 867's short example, and so on. */
    static String refine(String name, String line) {
        if (name.equals("xinetd") && line.matches("\\d{1,2} \\w{3} \\d{2} .*")) {
            return "rfc867-short";
        }
        if (name.equals("xinetd") && !line.matches("\\d{1,2} [A-Z]{3} .*")) {
            return "rfc1123";
        }
        if (name.equals("rfc867-long") && !line.matches(".*\\d-? ?[A-Za-z+-][\\w:]*")) {
            return "windows-long";
        }
        return name;
    }

    private static TimestampReader reader(String name, String regex, java.util.function.Function<Matcher, Reading> f) {
        return new TimestampReader(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), f);
    }

    private static LocalDateTime at(int year, String month, String day, Matcher m, int hmsGroup) {
        LocalDate date = LocalDate.of(year, month(month), Integer.parseInt(day));
        return date.atTime(time(m, hmsGroup));
    }

    private static LocalTime time(Matcher m, int first) {
        return LocalTime.of(Integer.parseInt(m.group(first)), Integer.parseInt(m.group(first + 1)),
                Integer.parseInt(m.group(first + 2)));
    }

    private static int month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(prefix) / 3 + 1;
    }

    /** Two-digit years, as RFC 867's "82": 70 to 99 are the 1900s, the rest the 2000s. */
    private static int year(String digits) {
        int y = Integer.parseInt(digits);
        if (digits.length() > 2) {
            return y;
        }
        return y >= 70 ? 1900 + y : 2000 + y;
    }

    private static Reading nist(Matcher m) {
        LocalDateTime t = LocalDate.of(year(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)))
                .atTime(time(m, 5));
        NistFields f = new NistFields(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(8)),
                Integer.parseInt(m.group(9)), Integer.parseInt(m.group(10)), Double.parseDouble(m.group(11)));
        return new Reading(t, "UTC", Duration.ofSeconds(1), Optional.of(f));
    }

    private static Reading windowsShort(Matcher m) {
        int hour = Integer.parseInt(m.group(1)) % 12 + (m.group(4).equalsIgnoreCase("PM") ? 12 : 0);
        LocalDateTime t = LocalDate.of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)))
                .atTime(hour, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return Reading.of(t, "");
    }

    private static Reading iso(Matcher m) {
        String fraction = m.group(7) == null ? "" : m.group(7).substring(1);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        LocalDateTime t = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                .atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), nanos);
        Duration step = fraction.isEmpty() ? Duration.ofSeconds(1) : Duration.ofNanos((long) Math.pow(10, 9 - fraction.length()));
        String zone = m.group(8) == null ? "" : m.group(8).toUpperCase(Locale.ROOT);
        return new Reading(t, zone, step, Optional.empty());
    }
}
