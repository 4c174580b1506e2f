package dev.daytimeharness.protocol;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them, {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1.5s}, {@code 250us},
 * read and written the same whatever the machine's locale: options and messages are parsed by
 * programs, so {@code 1.5s} never becomes {@code 1,5s}.
 */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m|h)");

    private Durations() {}

    /** @throws IllegalArgumentException when {@code value} is not a duration */
    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration (write it like 500ms, 2s or 1m)");
        }
        double amount = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2)) {
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        return Duration.ofNanos(Math.round(amount * nanosPerUnit));
    }

    /** The inverse of {@link #parse}, for messages and options: {@code 1.5s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms != 0 && ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return ms + "ms";
    }
}
