package dev.daytimeharness.protocol;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one format of timestamp: a pattern over one line of text, and how its groups make a time.
 *
 * @param name the format's stable name, as reports show it
 * @param pattern matched against the whole line
 * @param reading turns a match into a local time and the zone the text named, if any
 */
record TimestampReader(String name, Pattern pattern, Function<Matcher, Reading> reading) {

    /**
     * What a line says.
     *
     * @param time the wall-clock time written
     * @param zoneText the zone as written; empty when the text names none
     * @param resolution the format's step
     * @param nist NIST's extra fields, for NIST's format
     */
    record Reading(LocalDateTime time, String zoneText, Duration resolution, Optional<NistFields> nist) {
        static Reading of(LocalDateTime time, String zoneText) {
            return new Reading(time, zoneText == null ? "" : zoneText, Duration.ofSeconds(1), Optional.empty());
        }
    }

    Optional<Timestamp> read(String line, ZoneId assumedZone) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Reading r = reading.apply(m);
            Optional<ZoneId> named = Zones.parse(r.zoneText());
            ZoneId zone = named.orElse(assumedZone);
            return Optional.of(new Timestamp(r.time().atZone(zone).toInstant(), name, zone, named.isEmpty(),
                    r.resolution(), r.nist()));
        } catch (DateTimeException | NumberFormatException e) {
            // Shaped like the format but not a real date (Feb 30, hour 25): not recognised.
            return Optional.empty();
        }
    }
}
