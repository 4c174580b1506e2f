package dev.daytimeharness.protocol;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A point in time read from a reply.
 *
 * @param instant the moment the server stated
 * @param format the name of the format it was written in (for example {@code ctime})
 * @param zone the zone the text was read in
 * @param zoneAssumed true when the text carried no zone and {@code zone} is our assumption
 * @param resolution the finest step the format can express (one second for most)
 * @param nist the NIST fields, when the format is NIST's
 * @param provenance which real systems send the format
 * @param choice how the reading was chosen, when the text had more than one
 */
public record Timestamp(Instant instant, String format, ZoneId zone, boolean zoneAssumed,
                        Duration resolution, Optional<NistFields> nist, String provenance,
                        Optional<ReadingChoice> choice) {

    /** The format and where it comes from: {@code dotnet-en-us (.NET DateTime.ToString, en-US)}. */
    public String described() {
        return format + " (" + provenance + ")";
    }
}
