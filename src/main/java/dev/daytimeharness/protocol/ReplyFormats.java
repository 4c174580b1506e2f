package dev.daytimeharness.protocol;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.JulianFields;
import java.util.List;
import java.util.Locale;

/**
 * The table of timestamp formats: what deployed daytime servers and common runtimes send, each with
 * the systems that send it. nmap's service fingerprints ({@code match daytime} in
 * {@code nmap-service-probes}) are the source for the servers; the runtimes' default "now as text"
 * for the hand-written ones. Adding a format means adding one entry here.
 *
 * <p>Where one text has several readings (day/month or month/day, a two-digit year), every reading
 * is kept and {@link ReplyParser} takes the one nearest our clock. So entries may overlap: when two
 * read a line as the same instant, the earlier entry names it.
 */
public final class ReplyFormats {
    private static final String DAY = "(?i:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
    private static final String LONG_DAY = "(?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String MON = "(?<N>(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))";
    private static final String LONG_MON = "(?<N>(?i:January|February|March|April|May|June|July|August|September"
            + "|October|November|December))";
    private static final String HMS = "(?<h>\\d{1,2}):(?<m>\\d{2}):(?<s>\\d{2})";
    private static final String HMS2 = "(?<h>\\d{2}):(?<m>\\d{2}):(?<s>\\d{2})";
    /** A 12-hour clock; some Windows locales leave out the seconds. */
    private static final String H12 = "(?<H>\\d{1,2}):(?<m>\\d{2})(?::(?<s>\\d{2}))? (?<a>[AaPp][Mm])";
    private static final String ZONE = "(?<z>" + Zones.PATTERN + ")";
    private static final String Y4 = "(?<Y>\\d{4})";
    private static final String D = "(?<D>\\d{1,2})";
    private static final String M = "(?<M>\\d{1,2})";
    /** Day and month in an order the text does not tell: both readings are taken. */
    private static final String EITHER = "(?<P>\\d{1,2})[/.-](?<Q>\\d{1,2})[/.-](?<Y>\\d{4}|\\d{2})";
    /** Java's toString leaves out zero seconds and a zero fraction. */
    private static final String ISO_TIME = "(?<h>\\d{2}):(?<m>\\d{2})(?::(?<s>\\d{2})(?:\\.(?<f>\\d{1,9}))?)?";

    public static final ReplyFormat CTIME = ReplyFormat.of("ctime",
            "ctime(3): openbsd-inetd, inetutils-inetd, Unix and Linux, Solaris, AIX, Windows; Perl scalar localtime",
            DAY + " " + MON + " +" + D + " +" + HMS + " " + Y4,
            t -> form("EEE MMM ppd HH:mm:ss yyyy", t),
            "Tue Nov 24 01:31:31 2026", "Tue Dec  1 21:33:45 2026", "Tue Dec 01 21:33:45 2026", "Tue Dec 1 9:33:45 2026");
    public static final ReplyFormat XINETD = ReplyFormat.of("xinetd", "xinetd's internal daytime",
            "(?<D>\\d{2}) (?<N>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC) " + Y4 + " " + HMS2 + " " + ZONE,
            t -> form("dd MMM yyyy HH:mm:ss", t).toUpperCase(Locale.ROOT) + " " + abbreviation(t),
            "24 NOV 2026 01:31:31 UTC", "01 DEC 2026 22:33:45 CET");
    public static final ReplyFormat RFC867 = ReplyFormat.of("rfc867-long", "RFC 867's first example; Cisco IOS",
            LONG_DAY + ", " + LONG_MON + " " + D + ", " + Y4 + " " + HMS + "[- ]?" + ZONE + "(?:-?(?<summer>DST))?",
            t -> form("EEEE, MMMM d, yyyy HH:mm:ss", t) + "-" + abbreviation(t),
            "Tuesday, February 22, 1982 17:37:43-PST", "Tuesday, December 1, 2026 21:33:45-UTC",
            "Wednesday, July 1, 2026 17:33:45-EST-DST");
    public static final ReplyFormat NIST = ReplyFormat.of("nist",
            "NIST Internet Time Service; Greyware Domain Time II (without NIST's leading blank line)",
            "(?<mjd>\\d{5,}) (?<Y>\\d{2})-(?<M>\\d{2})-(?<D>\\d{2}) " + HMS2
                    + " (?<tt>\\d{2}) (?<leap>\\d) (?<health>\\d) +(?<adv>\\d+(?:\\.\\d+)?) (?<z>UTC)\\(NIST\\) ?\\*?",
            ReplyFormats::nist,
            "61368 26-11-24 01:31:37 00 0 0 478.7 UTC(NIST) *", "61375 26-12-01 21:33:45 50 0 4 0.0 UTC(NIST) *");
    public static final ReplyFormat RFC3339 = ReplyFormat.of("rfc3339",
            "RFC 3339: Java Instant.toString() and OffsetDateTime, Python datetime with a zone, JSON APIs",
            Y4 + "-(?<M>\\d{2})-(?<D>\\d{2})[Tt ]" + HMS2 + "(?:\\.(?<f>\\d{1,9}))? ?(?<z>[Zz]|[+-]\\d{2}:?\\d{2})",
            t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withNano(0)),
            "2026-11-24T01:31:31Z", "2026-12-01T21:33:48.123456789Z", "2026-12-01 22:33:48.123456+01:00");
    public static final ReplyFormat RFC1123 = ReplyFormat.of("rfc1123",
            "RFC 1123 and 2822 dates: HTTP, Python email.utils.formatdate(), Atomic Time Synchronizer (first line)",
            "(?:" + DAY + ", +)?" + D + " +" + MON + " +" + Y4 + " +" + HMS + " +" + ZONE,
            t -> DateTimeFormatter.RFC_1123_DATE_TIME.format(t.withNano(0)),
            "Tue, 24 Nov 2026 01:31:31 GMT", "Tue, 01 Dec 2026 21:33:45 -0000", "24 Nov 2026 01:31:31 +0100");

    /** Every format, in the order that names a reading two entries share. */
    public static final List<ReplyFormat> ALL = List.of(CTIME,
            ReplyFormat.of("unix-date", "coreutils date (C locale), Java Date.toString(), HP-UX",
                    DAY + " " + MON + " +" + D + " +" + HMS + " " + ZONE + " " + Y4,
                    t -> form("EEE MMM ppd HH:mm:ss ", t) + abbreviation(t) + form(" yyyy", t),
                    "Tue Dec  1 21:33:45 UTC 2026", "Tue Dec 01 21:33:45 UTC 2026", "Tue Dec  1 22:33:45 CET 2026"),
            ReplyFormat.of("date-en-us", "coreutils date under an en_US locale",
                    DAY + " " + MON + " +" + D + " +" + H12 + " " + ZONE + " " + Y4,
                    t -> form("EEE MMM ppd hh:mm:ss a ", t) + abbreviation(t) + form(" yyyy", t),
                    "Tue Dec  1 09:33:45 PM UTC 2026", "Wed Dec  2 12:03:45 AM UTC 2026"),
            XINETD,
            ReplyFormat.of("rfc867-short", "RFC 867's second example",
                    D + " " + MON + " (?<Y>\\d{2}) " + HMS + " " + ZONE,
                    t -> form("dd MMM yy HH:mm:ss", t).toUpperCase(Locale.ROOT) + " " + abbreviation(t),
                    "02 FEB 82 07:59:01 PST", "01 DEC 26 21:33:45 UTC"),
            RFC1123, RFC867,
            ReplyFormat.of("windows-long", "Windows daytime, long date (NUL-terminated)",
                    LONG_DAY + ", " + LONG_MON + " " + D + ", " + Y4 + " " + HMS,
                    t -> form("EEEE, MMMM dd, yyyy HH:mm:ss", t),
                    "Tuesday, December 01, 2026 21:33:45", "Thursday, July 25, 2024 14:03:07"),
            ReplyFormat.of("truetime", "TrueTime NTS-100", DAY + ", " + MON + " " + D + ", " + Y4 + ", " + HMS2 + "-" + ZONE,
                    t -> form("EEE, MMM dd, yyyy, HH:mm:ss-", t) + abbreviation(t),
                    "Tue, Dec 01, 2026, 21:33:45-UTC", "Wed, Jul 01, 2026, 21:33:45-UTC"),
            ReplyFormat.of("windows-short", "Windows daytime, 12-hour clock: US English (M/D), New Zealand (D/M, two-digit year)",
                    H12 + " " + EITHER,
                    t -> form("h:mm:ss a M/d/yyyy", t),
                    "2:03:07 PM 7/25/2024", "09:37:12 PM 01/12/26", "09:37 PM 01/12/26", "9:33:45 pm 12/1/2026"),
            ReplyFormat.of("windows-short-ymd", "Windows 7 daytime, 12-hour clock, year first",
                    H12 + " " + Y4 + "/" + M + "/" + D,
                    t -> form("hh:mm:ss a yyyy/MM/dd", t),
                    "09:33:45 PM 2026/12/01", "9:33:45 pm 2026/12/01"),
            ReplyFormat.of("windows-24h", "Windows daytime, international locales: 24-hour clock, D/M or M/D",
                    HMS + " " + EITHER,
                    t -> form("HH:mm:ss dd.MM.yyyy", t),
                    "21:33:45 01.12.2026", "21:33:45 1/12/2026", "9:33:45 12/01/2026", "21:33:45 01-12-26"),
            ReplyFormat.of("windows-dotted-time", "Windows daytime with a dotted time (Finnish, Danish locales)",
                    "(?<h>\\d{1,2})\\.(?<m>\\d{1,2})\\.(?<s>\\d{1,2}) " + EITHER,
                    t -> form("HH.mm.ss dd/MM/yyyy", t),
                    "21.36.03 01/12/2026", "9.36.03 01.12.2026"),
            ReplyFormat.of("windows-day-prefix", "Windows daytime with a day name before an ISO date",
                    "[^\\d\\s]{2,4}\\.? " + HMS + " " + Y4 + "-" + M + "-" + D,
                    t -> form("EEE. H:mm:ss yyyy-M-d", t),
                    "Tue. 21:33:45 2026-12-1", "tir. 9:33:45 2026-12-01"),
            NIST, RFC3339,
            ReplyFormat.of("java-zoned", "Java ZonedDateTime.toString()",
                    Y4 + "-(?<M>\\d{2})-(?<D>\\d{2})T" + ISO_TIME + "(?<z>Z|[+-]\\d{2}:\\d{2})\\[[A-Za-z0-9_/+-]+\\]",
                    t -> (t.getZone() instanceof ZoneOffset ? t.withZoneSameInstant(ZoneId.of("Etc/UTC")) : t).toString(),
                    "2026-12-01T21:33:48.123456789Z[Etc/UTC]", "2026-12-01T22:33:48.123+01:00[Europe/Berlin]"),
            ReplyFormat.of("java-local", "Java LocalDateTime.toString()",
                    Y4 + "-(?<M>\\d{2})-(?<D>\\d{2})T" + ISO_TIME,
                    t -> t.toLocalDateTime().toString(),
                    "2026-12-01T21:33:48.123456789", "2026-12-01T21:33"),
            ReplyFormat.of("python-str", "Python str(datetime.now())",
                    Y4 + "-(?<M>\\d{2})-(?<D>\\d{2}) " + HMS2 + "(?:\\.(?<f>\\d{6}))?",
                    t -> form(t.getNano() / 1000 == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.SSSSSS", t),
                    "2026-12-01 21:33:48.123456", "2026-12-01 21:33:48"),
            ReplyFormat.of("go-time", "Go time.Now().String(), with its monotonic clock reading m=",
                    Y4 + "-(?<M>\\d{2})-(?<D>\\d{2}) " + HMS2 + "(?:\\.(?<f>\\d{1,9}))? (?<z>[+-]\\d{4}) (?:[A-Za-z]{1,6}|[+-]\\d{2,4})"
                            + "(?: m=[+-]\\d+\\.\\d{1,9})?",
                    t -> form("yyyy-MM-dd HH:mm:ss", t) + goFraction(t.getNano()) + form(" xx ", t) + abbreviation(t)
                            + " m=+0.000012345",
                    "2026-12-01 21:33:48.123456789 +0000 UTC m=+0.000012345", "2026-12-01 22:33:48.1234 +0100 CET"),
            ReplyFormat.of("node-date", "Node.js and browsers' Date.toString()",
                    DAY + " " + MON + " (?<D>\\d{2}) " + Y4 + " " + HMS2 + " GMT(?<z>[+-]\\d{4})(?: \\([^()]{1,64}\\))?",
                    t -> form("EEE MMM dd yyyy HH:mm:ss 'GMT'xx (", t) + zoneName(t) + ")",
                    "Tue Dec 01 2026 21:33:48 GMT+0000 (Coordinated Universal Time)",
                    "Tue Dec 01 2026 22:33:48 GMT+0100 (Central European Standard Time)"),
            ReplyFormat.of("node-en-us", "Node.js Date.toLocaleString('en-US')",
                    M + "/" + D + "/" + Y4 + ", " + H12,
                    t -> form("M/d/yyyy, h:mm:ss a", t),
                    "12/1/2026, 9:33:48 PM", "7/4/2026, 12:00:01 AM"),
            ReplyFormat.of("dotnet-en-us", ".NET DateTime.ToString, en-US",
                    M + "/" + D + "/" + Y4 + " " + H12,
                    t -> form("M/d/yyyy h:mm:ss a", t),
                    "12/1/2026 9:33:45 PM", "7/4/2026 12:00:01 AM"),
            ReplyFormat.of("dotnet-invariant", ".NET DateTime.ToString, invariant culture",
                    "(?<M>\\d{2})/(?<D>\\d{2})/" + Y4 + " " + HMS2,
                    t -> form("MM/dd/yyyy HH:mm:ss", t),
                    "12/01/2026 21:33:43", "07/04/2026 00:00:01"),
            ReplyFormat.of("dotnet-en-gb", ".NET DateTime.ToString, en-GB and fr-FR",
                    "(?<D>\\d{2})/(?<M>\\d{2})/" + Y4 + " " + HMS2,
                    t -> form("dd/MM/yyyy HH:mm:ss", t),
                    "01/12/2026 21:33:45", "25/12/2026 08:00:00"),
            ReplyFormat.of("dotnet-de-de", ".NET DateTime.ToString, de-DE",
                    "(?<D>\\d{2})\\.(?<M>\\d{2})\\." + Y4 + " " + HMS2,
                    t -> form("dd.MM.yyyy HH:mm:ss", t),
                    "01.12.2026 21:33:45", "25.12.2026 08:00:00"),
            ReplyFormat.of("dotnet-ja-jp", ".NET DateTime.ToString, ja-JP; American Dynamics EDVR security camera",
                    Y4 + "/(?<M>\\d{2})/(?<D>\\d{2}) " + HMS2,
                    t -> form("yyyy/MM/dd HH:mm:ss", t),
                    "2026/12/01 21:33:45", "2026/07/04 00:00:01"));

    private ReplyFormats() {}

    /** Month and day names in English whatever the machine's locale, as the servers write them. */
    private static String form(String pattern, ZonedDateTime t) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(t);
    }

    /** UTC for UTC, otherwise the zone's short name (EST, CET), which daytime clients expect over offsets. */
    private static String abbreviation(ZonedDateTime t) {
        if (t.getOffset().equals(ZoneOffset.UTC) && (t.getZone() instanceof ZoneOffset || t.getZone().getId().endsWith("UTC"))) {
            return "UTC";
        }
        return form("z", t);
    }

    private static String zoneName(ZonedDateTime t) {
        return t.getOffset().equals(ZoneOffset.UTC) ? "Coordinated Universal Time"
                : t.getZone().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** Go writes the fraction with its trailing zeros cut, and none at all for a whole second. */
    private static String goFraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        String digits = String.format(Locale.ROOT, "%09d", nanos).replaceAll("0+$", "");
        return "." + digits;
    }

    private static String nist(ZonedDateTime zoned) {
        ZonedDateTime t = zoned.withZoneSameInstant(ZoneOffset.UTC);
        long mjd = LocalDate.from(t).getLong(JulianFields.MODIFIED_JULIAN_DAY);
        return String.format(Locale.ROOT, "%05d %s 00 0 0 %5.1f UTC(NIST) *", mjd,
                DateTimeFormatter.ofPattern("yy-MM-dd HH:mm:ss", Locale.ROOT).format(t), 0.0);
    }
}
