package dev.daytimeharness.protocol;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.JulianFields;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats the reference server and the simulator can write a time in. */
public enum ReplyFormat {
    /** {@code Tue Nov 24 01:31:31 2026}: ctime(3), as the inetd family sends it. No zone. */
    CTIME {
        @Override
        public String render(Instant now, ZoneId zone) {
            return CTIME_FORM.format(ZonedDateTime.ofInstant(now, zone));
        }
    },
    /** {@code 24 NOV 2026 01:31:31 UTC}: xinetd's built-in daytime. */
    XINETD {
        @Override
        public String render(Instant now, ZoneId zone) {
            ZonedDateTime t = ZonedDateTime.ofInstant(now, zone);
            return XINETD_FORM.format(t).toUpperCase(Locale.ROOT) + " " + abbreviation(t);
        }
    },
    /** {@code Tuesday, November 24, 2026 01:31:31-UTC}: RFC 867's first example. */
    RFC867 {
        @Override
        public String render(Instant now, ZoneId zone) {
            ZonedDateTime t = ZonedDateTime.ofInstant(now, zone);
            return RFC867_FORM.format(t) + "-" + abbreviation(t);
        }
    },
    /** {@code 61368 26-11-24 01:31:37 00 0 0   0.0 UTC(NIST) *}: NIST's, always in UTC. */
    NIST {
        @Override
        public String render(Instant now, ZoneId zone) {
            ZonedDateTime t = ZonedDateTime.ofInstant(now, ZoneOffset.UTC);
            long mjd = LocalDate.from(t).getLong(JulianFields.MODIFIED_JULIAN_DAY);
            return String.format(Locale.ROOT, "%05d %s 00 0 0 %5.1f UTC(NIST) *", mjd, NIST_FORM.format(t), 0.0);
        }
    },
    /** {@code 2026-11-24T01:31:31Z}: RFC 3339. */
    RFC3339 {
        @Override
        public String render(Instant now, ZoneId zone) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.ofInstant(now, zone).withNano(0));
        }
    },
    /** {@code Tue, 24 Nov 2026 01:31:31 GMT}: RFC 1123, as HTTP dates. */
    RFC1123 {
        @Override
        public String render(Instant now, ZoneId zone) {
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now, zone).withNano(0));
        }
    };

    private static final DateTimeFormatter CTIME_FORM = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter XINETD_FORM = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter RFC867_FORM = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_FORM = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);
    private static final DateTimeFormatter NIST_FORM = DateTimeFormatter.ofPattern("yy-MM-dd HH:mm:ss", Locale.ROOT);

    /** The text of one reply, without its line ending. */
    public abstract String render(Instant now, ZoneId zone);

    /** The name users type on the command line: {@code ctime}, {@code nist} ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReplyFormat fromCliName(String name) {
        for (ReplyFormat f : values()) {
            if (f.cliName().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (choose one of " + names() + ")");
    }

    public static String names() {
        return Arrays.stream(values()).map(ReplyFormat::cliName).collect(Collectors.joining(", "));
    }

    /** UTC for UTC, otherwise the zone's short name (EST, CET), which daytime clients expect over offsets. */
    private static String abbreviation(ZonedDateTime t) {
        if (t.getOffset().equals(ZoneOffset.UTC) && (t.getZone() instanceof ZoneOffset || t.getZone().getId().equals("UTC"))) {
            return "UTC";
        }
        return ZONE_FORM.format(t);
    }
}
