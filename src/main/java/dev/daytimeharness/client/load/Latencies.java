package dev.daytimeharness.client.load;

import java.util.Arrays;

/** Exchange times in microseconds, kept whole so percentiles are exact. Single-threaded. */
final class Latencies {
    private int[] micros = new int[1 << 16];
    private int count;

    void add(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, micros.length * 2);
        }
        micros[count++] = (int) Math.min(Integer.MAX_VALUE, nanos / 1000);
    }

    int count() {
        return count;
    }

    /** The percentile {@code p} (0 to 100) in milliseconds; 0 when empty. Sorts in place. */
    double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        Arrays.sort(micros, 0, count);
        int index = (int) Math.min(count - 1, Math.ceil(p / 100.0 * count) - 1);
        return micros[Math.max(0, index)] / 1000.0;
    }

    void clear() {
        count = 0;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, micros.length * 2);
            }
            micros[count++] = other.micros[i];
        }
    }
}
