package dev.daytimeharness.protocol;

import java.time.Duration;
import java.util.Locale;

/**
 * How a text with several readings (day/month or month/day, a two-digit year) was read: the
 * reading nearest our clock, and how far the nearest other one was.
 *
 * <p>The bound: 13 days. Swapping a day and a month moves a date by at least 27 days (3 February
 * and 2 March), and a century by far more, so at most one reading can lie within 13 days of our
 * clock. A reading within it is the server's; when none is, the text does not say which is meant
 * and the clock cannot be right under any of them.
 *
 * @param chosen the reading taken, such as "day/month (dotnet-en-gb)"
 * @param chosenOff how far it is from our clock
 * @param other the nearest reading not taken
 * @param otherOff how far that one is from our clock
 */
public record ReadingChoice(String chosen, Duration chosenOff, String other, Duration otherOff) {
    public static final Duration BOUND = Duration.ofDays(13);

    /** True when the reading taken is within {@link #BOUND} of our clock, so the evidence decided. */
    public boolean decided() {
        return chosenOff.compareTo(BOUND) <= 0;
    }

    /** For example "read as day/month (dotnet-en-gb); the month/day reading (dotnet-invariant) is 41 days off". */
    public String describe() {
        return "read as " + chosen + "; the " + other + " reading is " + span(otherOff) + " off";
    }

    /** A distance in the unit a reader thinks in: years, days, hours or seconds. */
    public static String span(Duration d) {
        long seconds = d.abs().getSeconds();
        if (seconds >= 2L * 365 * 86400) {
            return Math.round(seconds / (365.2425 * 86400)) + " years";
        }
        if (seconds >= 2L * 86400) {
            return Math.round(seconds / 86400.0) + " days";
        }
        if (seconds >= 2L * 3600) {
            return Math.round(seconds / 3600.0) + " hours";
        }
        return String.format(Locale.ROOT, "%d s", seconds);
    }
}
