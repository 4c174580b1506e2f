package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;
import java.util.concurrent.ThreadLocalRandom;

/** {@code latency}: delays each chunk by {@code latency} ms, plus or minus up to {@code jitter} ms. */
public record Latency(long latency, long jitter) implements Toxic {
    public static Latency from(JsonObject a) {
        return new Latency(Attributes.number(a, "latency"), Attributes.number(a, "jitter"));
    }

    @Override
    public Run open() {
        // Each chunk is due a fixed time after it arrived, so chunks in flight overlap their delays
        // instead of adding them up: a stream is late by the latency, not by latency times chunks.
        return (data, arrived, next) -> {
            long delayMs = latency + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0);
            next.pause(arrived + Math.max(0, delayMs) * 1_000_000L - System.nanoTime());
            next.write(data);
        };
    }
}
