package dev.daytimeharness.faults.toxics;

import java.util.Arrays;

/** {@code limit_data}: ends the stream once {@code bytes} bytes have gone through, as Toxiproxy does. */
public record LimitData(long bytes) implements Toxic {
    public static LimitData from(Attributes a) {
        return new LimitData(a.any("bytes", "int64"));
    }

    @Override
    public Run open() {
        long[] passed = {0};
        return (data, arrived, next) -> {
            long allowed = Math.max(0, bytes - passed[0]);
            int n = (int) Math.min(allowed, data.length);
            if (n > 0) {
                next.write(n == data.length ? data : Arrays.copyOf(data, n));
                passed[0] += n;
            }
            if (bytes - passed[0] <= 0) {
                next.end();
            }
        };
    }
}
