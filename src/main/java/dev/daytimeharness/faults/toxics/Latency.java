package dev.daytimeharness.faults.toxics;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code latency}: each chunk leaves {@code latency} ms (plus or minus up to {@code jitter} ms)
 * after the proxy read it, as Toxiproxy times it from the chunk's arrival; a negative result is
 * no delay. Chunks leave in order, one after another, and the end of the stream follows the last.
 */
public record Latency(long latency, long jitter) implements Toxic {
    public static Latency from(Attributes a) {
        return new Latency(a.number("latency"), a.number("jitter"));
    }

    @Override
    public Run open() {
        return (data, arrived, next) -> {
            // Toxiproxy: latency + rand.Int63n(2 * jitter) - jitter, so from -jitter up to jitter - 1.
            long delayMs = latency + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter) : 0);
            next.after(arrived + delayMs * 1_000_000L - System.nanoTime(), () -> next.write(data));
        };
    }
}
