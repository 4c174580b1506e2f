package dev.daytimeharness.protocol;

import dev.daytimeharness.protocol.TimestampReader.Reading;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the facts out of the raw bytes of a daytime reply. Never throws on odd input. */
public final class ReplyParser {
    /** No daytime line is longer; past this, a reply is judged by its shape alone, keeping parsing linear. */
    private static final int MAX_EXAMINED = 1024;

    private ReplyParser() {}

    /**
     * @param reply the bytes exactly as received
     * @param assumedZone the zone to read a timestamp in when the text names none
     * @param reference our clock when the reply came: of several readings of one text, the nearest wins
     */
    public static ReplyFacts parse(byte[] reply, ZoneId assumedZone, Instant reference) {
        ReplyShape whole = ReplyShape.of(reply);
        ReplyShape head = reply.length <= MAX_EXAMINED ? whole : ReplyShape.of(Arrays.copyOf(reply, MAX_EXAMINED));
        Optional<Timestamp> timestamp = Optional.empty();
        for (String line : head.lines()) {
            timestamp = read(line, assumedZone, reference);
            if (timestamp.isPresent()) {
                break;
            }
        }
        return new ReplyFacts(reply.length, whole.chars(), whole.lines().size(), whole.lineEnding(),
                whole.leadingBlankLines(), whole.trailingBlankLines(), String.join("\n", head.lines()), timestamp);
    }

    /** Reads one line of text as a timestamp in any known format, taking the reading nearest {@code reference}. */
    public static Optional<Timestamp> read(String line, ZoneId assumedZone, Instant reference) {
        String text = line.strip();
        // One reading per instant: where two formats agree, the earlier entry in the table names it.
        Map<Instant, Reading> readings = new LinkedHashMap<>();
        for (ReplyFormat format : ReplyFormats.ALL) {
            for (Reading r : TimestampReader.read(format, text, assumedZone)) {
                readings.putIfAbsent(r.instant(), r);
            }
        }
        if (readings.isEmpty()) {
            return Optional.empty();
        }
        List<Reading> byDistance = new ArrayList<>(readings.values());
        byDistance.sort(Comparator.comparing(r -> off(r, reference)));
        Reading chosen = byDistance.get(0);
        Optional<ReadingChoice> choice = Optional.empty();
        if (byDistance.size() > 1) {
            Reading other = byDistance.get(1);
            choice = Optional.of(new ReadingChoice(name(chosen, chosen), off(chosen, reference),
                    name(other, chosen), off(other, reference)));
        }
        return Optional.of(new Timestamp(chosen.instant(), chosen.format().name(), chosen.zone(), chosen.zoneAssumed(),
                chosen.resolution(), chosen.nist(), chosen.format().provenance(), choice));
    }

    private static Duration off(Reading r, Instant reference) {
        return Duration.between(reference, r.instant()).abs();
    }

    /** "day/month (dotnet-en-gb)"; a reading of the chosen format needs no format name. */
    private static String name(Reading r, Reading chosen) {
        String label = r.label().isEmpty() ? r.format().name() : r.label();
        boolean sameFormat = r != chosen && r.format() == chosen.format();
        return label.equals(r.format().name()) || sameFormat ? label : label + " (" + r.format().name() + ")";
    }
}
