package dev.daytimeharness.faults.toxics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code slicer}: cuts each chunk as Toxiproxy does, halving it (give or take
 * {@code size_variation}) until a piece is within {@code size_variation} of {@code average_size},
 * and waits {@code delay} <em>microseconds</em> after each slice, as Toxiproxy's unit is. Where
 * Toxiproxy recurses for ever (an average of 0) or cuts out of bounds (a variation past the
 * average), this keeps every slice at least a byte long.
 */
public record Slicer(long averageSize, long sizeVariation, long delay) implements Toxic {
    public static Slicer from(Attributes a) {
        return new Slicer(a.number("average_size", "int"), a.number("size_variation", "int"), a.number("delay", "int"));
    }

    @Override
    public Run open() {
        return (data, arrived, next) -> {
            List<int[]> slices = new ArrayList<>();
            cut(0, data.length, slices);
            send(data, slices, 0, next);
        };
    }

    /** Slice {@code i}, then the wait after it, then the next slice: one timer at a time, no thread. */
    private void send(byte[] data, List<int[]> slices, int i, Flow next) {
        int[] s = slices.get(i);
        next.write(Arrays.copyOfRange(data, s[0], s[1]));
        next.after(delay * 1_000L, i + 1 < slices.size() ? () -> send(data, slices, i + 1, next) : () -> { });
    }

    private void cut(int start, int end, List<int[]> into) {
        long average = Math.max(1, averageSize);
        long variation = Math.max(0, sizeVariation);
        if (end - start - average <= variation || end - start <= 1) {
            into.add(new int[] {start, end});
            return;
        }
        long mid = start + (end - start) / 2;
        if (variation > 0) {
            mid += ThreadLocalRandom.current().nextLong(2 * variation) - variation;
        }
        int m = (int) Math.max(start + 1, Math.min(end - 1, mid));
        cut(start, m, into);
        cut(m, end, into);
    }
}
