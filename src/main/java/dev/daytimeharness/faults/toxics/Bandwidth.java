package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;
import java.util.Arrays;

/** {@code bandwidth}: lets at most {@code rate} KB/s through; a rate of 0 holds all data. */
public record Bandwidth(long rate) implements Toxic {
    private static final long SLICE_NANOS = 20_000_000L;

    public static Bandwidth from(JsonObject a) {
        return new Bandwidth(Attributes.number(a, "rate"));
    }

    @Override
    public Run open() {
        return (data, arrived, next) -> {
            if (rate <= 0) {
                next.hold();
                return;
            }
            // Send in 20 ms slices, each the size the rate allows in that time.
            int slice = (int) Math.max(1, rate * 1024 * SLICE_NANOS / 1_000_000_000L);
            for (int at = 0; at < data.length && !next.isClosed(); at += slice) {
                byte[] part = Arrays.copyOfRange(data, at, Math.min(data.length, at + slice));
                next.pause(part.length * 1_000_000_000L / (rate * 1024));
                next.write(part);
            }
        };
    }
}
