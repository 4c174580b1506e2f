package dev.daytimeharness.faults.toxics;

import java.util.Arrays;

/**
 * {@code bandwidth}: lets at most {@code rate} KB/s through, where Toxiproxy's KB is 1000 bytes
 * (a chunk of n bytes takes n / rate ms), in slices of at most 100 ms; a rate of 0 or less, as in
 * Toxiproxy, is no limit.
 */
public record Bandwidth(long rate) implements Toxic {
    public static Bandwidth from(Attributes a) {
        return new Bandwidth(a.number("rate"));
    }

    @Override
    public Run open() {
        return (data, arrived, next) -> {
            if (rate <= 0) {
                next.write(data);
                return;
            }
            long slice = Math.max(1, Math.min(data.length, rate * 100));
            for (int at = 0; at < data.length && !next.isClosed(); at += (int) slice) {
                byte[] part = Arrays.copyOfRange(data, at, (int) Math.min(data.length, at + slice));
                next.pause(part.length * 1_000_000L / rate);
                next.write(part);
            }
        };
    }
}
