package dev.daytimeharness.protocol;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The zone names daytime servers write: abbreviations (RFC 822's and a few more) and offsets. */
final class Zones {
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})");
    private static final Map<String, ZoneId> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC), Map.entry("UT", ZoneOffset.UTC),
            Map.entry("Z", ZoneOffset.UTC),
            Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("BST", ZoneOffset.ofHours(1)), Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)), Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("JST", ZoneOffset.ofHours(9)));

    /** The pattern fragment for a zone, for the format patterns. */
    static final String PATTERN = "(?:[A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2})";

    private Zones() {}

    static Optional<ZoneId> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = OFFSET.matcher(text);
        if (m.matches()) {
            int sign = m.group(1).equals("-") ? -1 : 1;
            int hours = Integer.parseInt(m.group(2));
            int minutes = Integer.parseInt(m.group(3));
            if (hours > 18 || minutes > 59) {
                return Optional.empty();
            }
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        }
        return Optional.ofNullable(ABBREVIATIONS.get(text.toUpperCase(Locale.ROOT)));
    }
}
