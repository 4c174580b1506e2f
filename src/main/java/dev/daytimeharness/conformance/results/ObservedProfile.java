package dev.daytimeharness.conformance.results;

import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.protocol.ReplyFacts;
import dev.daytimeharness.protocol.ReplyParser;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What the run saw of the target's reply, in the words the live output uses.
 *
 * @param format the recognised format's name, or {@code unrecognised}
 * @param lineEnding how the reply's line ended: {@code CRLF}, {@code LF}, {@code NONE} ...
 * @param zone the zone the timestamp named, or the one assumed (then {@code zoneAssumed})
 * @param zoneAssumed whether the timestamp named no zone, so {@code zone} was assumed
 * @param closes how the exchange ended: {@code closed}, {@code reset}, {@code timeout} ...
 */
public record ObservedProfile(String format, String lineEnding, String zone, boolean zoneAssumed, String closes) {

    /** The profile of a run's first exchange, its timestamp read as the run read it. */
    public static ObservedProfile of(Exchange e, ZoneId assumed) {
        ReplyFacts facts = ReplyParser.parse(e.reply(), assumed, e.receivedAt());
        return new ObservedProfile(
                facts.timestamp().map(t -> t.format()).orElse("unrecognised"),
                facts.lineEnding().name(),
                facts.timestamp().map(t -> t.zone().normalized().equals(ZoneOffset.UTC) ? "UTC" : t.zone().getId()).orElse(""),
                facts.timestamp().map(t -> t.zoneAssumed()).orElse(false),
                e.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    /** One short line for a matrix heading. */
    public String summary() {
        return format + ", " + lineEnding + ", " + (zone.isEmpty() ? "no zone" : zone + (zoneAssumed ? " (assumed)" : ""))
                + ", " + closes;
    }
}
