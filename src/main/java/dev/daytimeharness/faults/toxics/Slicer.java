package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code slicer}: cuts each chunk into slices of {@code average_size} bytes, give or take
 * {@code size_variation}, with {@code delay} <em>microseconds</em> between them, as Toxiproxy's unit is.
 */
public record Slicer(long averageSize, long sizeVariation, long delay) implements Toxic {
    public static Slicer from(JsonObject a) {
        return new Slicer(Attributes.number(a, "average_size"), Attributes.number(a, "size_variation"),
                Attributes.number(a, "delay"));
    }

    @Override
    public Run open() {
        return (data, arrived, next) -> {
            int at = 0;
            while (at < data.length && !next.isClosed()) {
                long variation = sizeVariation > 0 ? ThreadLocalRandom.current().nextLong(-sizeVariation, sizeVariation + 1) : 0;
                int size = (int) Math.max(1, averageSize + variation);
                int end = Math.min(data.length, at + size);
                next.write(Arrays.copyOfRange(data, at, end));
                at = end;
                if (at < data.length) {
                    next.pause(delay * 1_000L);
                }
            }
        };
    }
}
