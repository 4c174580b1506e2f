package dev.daytimeharness.faults.datagrams;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code latency} on a UDP proxy: each datagram leaves {@code latency} ms, plus or minus up to
 * {@code jitter} ms, after it arrived, drawn per datagram as Toxiproxy draws it per chunk. Each is
 * timed alone, so under jitter datagrams overtake each other; a negative result is no delay.
 */
public record Latency(long latency, long jitter) implements DatagramToxic {
    public static Latency from(dev.daytimeharness.faults.toxics.Attributes a) {
        return new Latency(a.number("latency"), a.number("jitter"));
    }

    @Override
    public Run open() {
        return (d, next) -> {
            long ms = latency + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter) : 0);
            next.accept(new Datagram(d.data(), d.dueNanos() + Math.max(0, ms) * 1_000_000L));
        };
    }
}
