package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;

/** {@code slow_close}: passes data at once but delays the close by {@code delay} ms. */
public record SlowClose(long delay) implements Toxic {
    public static SlowClose from(JsonObject a) {
        return new SlowClose(Attributes.number(a, "delay"));
    }

    @Override
    public Run open() {
        return new Run() {
            @Override
            public void chunk(byte[] data, long arrived, Flow next) throws java.io.IOException {
                next.write(data);
            }

            @Override
            public void end(Flow next) throws java.io.IOException {
                next.pause(delay * 1_000_000L);
                next.end();
            }
        };
    }
}
