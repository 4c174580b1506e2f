package dev.daytimeharness.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations as people write them: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1.5s}, {@code 250us}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value.trim().toLowerCase());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (write it like 500ms, 2s or 1m)");
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

    /** The inverse of {@link #parse}, for messages: {@code 1.5s}, {@code 500ms}, {@code 2m}, {@code 1h}. */
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
            return String.format("%.1fs", ms / 1000.0);
        }
        return ms + "ms";
    }
}
