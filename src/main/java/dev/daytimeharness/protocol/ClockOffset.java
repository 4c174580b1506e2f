package dev.daytimeharness.protocol;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a server's clock is from ours, and how sure we can be.
 *
 * <p>The server wrote its time somewhere between the moment we started connecting and the moment
 * the reply arrived, so the best estimate is the midpoint, and the error is half the round trip
 * plus the format's resolution (a format in whole seconds can be up to a second behind).
 *
 * @param offset server time minus our time at the midpoint (positive: server is ahead)
 * @param uncertainty the bound on the error of {@code offset}
 */
public record ClockOffset(Duration offset, Duration uncertainty) {

    public static ClockOffset measure(Timestamp stated, Instant requested, Instant received) {
        Duration roundTrip = Duration.between(requested, received);
        Instant midpoint = requested.plus(roundTrip.dividedBy(2));
        Duration offset = Duration.between(midpoint, stated.instant());
        // A whole-second format truncates, so the true server time lies in [stated, stated + resolution).
        Duration truncation = stated.resolution();
        return new ClockOffset(offset.plus(truncation.dividedBy(2)),
                roundTrip.dividedBy(2).plus(truncation.dividedBy(2)));
    }

    /** True when the offset is within {@code tolerance}, counting the uncertainty in its favour. */
    public boolean within(Duration tolerance) {
        return offset.abs().minus(uncertainty).compareTo(tolerance) <= 0;
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT, "%+.3f s ± %.3f s", offset.toNanos() / 1e9, uncertainty.toNanos() / 1e9);
    }
}
