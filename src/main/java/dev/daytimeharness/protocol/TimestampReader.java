package dev.daytimeharness.protocol;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.JulianFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads one line in one format, by the names of the pattern's groups (see {@link ReplyFormat}),
 * into every reading its digits allow: both orders of an unordered day and month, both centuries
 * of a two-digit year. A reading that is not a real date (Feb 30, hour 25) is dropped, never bent.
 */
final class TimestampReader {
    private TimestampReader() {}

    /**
     * One way to read a line.
     *
     * @param label what distinguishes it from the other readings of the same text ("day/month", "in 2026")
     */
    record Reading(ReplyFormat format, Instant instant, ZoneId zone, boolean zoneAssumed, Duration resolution,
                   Optional<NistFields> nist, String label) {}

    private record Order(String day, String month, String label) {}

    static List<Reading> read(ReplyFormat f, String line, ZoneId assumedZone) {
        Matcher m = f.pattern().matcher(line);
        if (!m.matches()) {
            return List.of();
        }
        try {
            return readings(f, m, assumedZone);
        } catch (DateTimeException | NumberFormatException e) {
            // Shaped like the format but no real time of day or zone: not recognised.
            return List.of();
        }
    }

    private static List<Reading> readings(ReplyFormat f, Matcher m, ZoneId assumedZone) {
        Optional<ZoneId> named = zone(f, m);
        ZoneId zone = named.orElse(assumedZone);
        int hour = f.groups().contains("H") ? Integer.parseInt(m.group("H")) % 12
                + (Character.toUpperCase(m.group("a").charAt(0)) == 'P' ? 12 : 0) : Integer.parseInt(m.group("h"));
        String seconds = group(f, m, "s");
        String fraction = group(f, m, "f");
        int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        java.time.LocalTime time = java.time.LocalTime.of(hour, Integer.parseInt(m.group("m")),
                seconds == null ? 0 : Integer.parseInt(seconds), nanos);
        Duration step = fraction != null ? Duration.ofNanos((long) Math.pow(10, 9 - fraction.length()))
                : seconds != null || f.groups().contains("f") ? Duration.ofSeconds(1) : Duration.ofMinutes(1);
        Optional<NistFields> nist = nist(f, m);
        String yearText = m.group("Y");
        List<Integer> years = yearText.length() == 4 ? List.of(Integer.parseInt(yearText))
                : List.of(1900 + Integer.parseInt(yearText), 2000 + Integer.parseInt(yearText));
        List<Reading> out = new ArrayList<>();
        for (Order order : orders(f)) {
            for (int year : years) {
                Optional<LocalDate> date = date(year, m.group(order.month()), m.group(order.day()));
                if (date.isEmpty() || !agreesWithMjd(date.get(), nist, years.size())) {
                    continue;
                }
                String label = yearText.length() == 4 ? order.label()
                        : (order.label().isEmpty() ? "" : order.label() + " ") + "in " + year;
                Instant at = LocalDateTime.of(date.get(), time).atZone(zone).toInstant();
                out.add(new Reading(f, at, zone, named.isEmpty(), step, nist, label));
            }
        }
        return out;
    }

    /** NIST's Modified Julian Day settles the century its two-digit year leaves open. */
    private static boolean agreesWithMjd(LocalDate date, Optional<NistFields> nist, int centuries) {
        if (nist.isEmpty() || centuries < 2) {
            return true;
        }
        long mjd = nist.get().mjd();
        long day = date.getLong(JulianFields.MODIFIED_JULIAN_DAY);
        // A server whose MJD is off by days still has its century settled; a century away is the other reading.
        return Math.abs(day - mjd) < 36524 / 2;
    }

    private static List<Order> orders(ReplyFormat f) {
        if (f.groups().contains("P")) {
            return List.of(new Order("P", "Q", "day/month"), new Order("Q", "P", "month/day"));
        }
        return List.of(new Order("D", f.groups().contains("N") ? "N" : "M", f.order()));
    }

    private static Optional<LocalDate> date(int year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(year, month(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A month's number, or its English name read whatever the default locale. */
    private static int month(String text) {
        if (Character.isDigit(text.charAt(0))) {
            return Integer.parseInt(text);
        }
        String prefix = text.substring(0, 3).toLowerCase(java.util.Locale.ROOT);
        return "janfebmaraprmayjunjulaugsepoctnovdec".indexOf(prefix) / 3 + 1;
    }

    /** The zone the text names; Cisco's "-DST" after a standard zone means an hour later than it. */
    private static Optional<ZoneId> zone(ReplyFormat f, Matcher m) {
        Optional<ZoneId> named = Zones.parse(group(f, m, "z"));
        if (named.isPresent() && group(f, m, "summer") != null && named.get() instanceof ZoneOffset o) {
            return Optional.of(ZoneOffset.ofTotalSeconds(o.getTotalSeconds() + 3600));
        }
        return named;
    }

    private static Optional<NistFields> nist(ReplyFormat f, Matcher m) {
        if (!f.groups().contains("mjd")) {
            return Optional.empty();
        }
        return Optional.of(new NistFields(Integer.parseInt(m.group("mjd")), Integer.parseInt(m.group("tt")),
                Integer.parseInt(m.group("leap")), Integer.parseInt(m.group("health")), Double.parseDouble(m.group("adv"))));
    }

    private static String group(ReplyFormat f, Matcher m, String name) {
        return f.groups().contains(name) ? m.group(name) : null;
    }
}
