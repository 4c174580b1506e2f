package dev.daytimeharness.cli;

import dev.daytimeharness.protocol.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Reads duration options as people write them ({@link Durations}); a bad one is a usage error. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    public static String format(Duration d) {
        return Durations.format(d);
    }
}
