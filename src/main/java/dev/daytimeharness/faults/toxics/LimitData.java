package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;
import java.util.Arrays;

/** {@code limit_data}: closes the connection once {@code bytes} bytes have gone through. */
public record LimitData(long bytes) implements Toxic {
    public static LimitData from(JsonObject a) {
        return new LimitData(Attributes.number(a, "bytes"));
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
            if (passed[0] >= bytes) {
                next.close();
            }
        };
    }
}
