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
            send(data, 0, (int) Math.max(1, Math.min(data.length, rate * 100)), next);
        };
    }

    /** Waits for the slice at {@code at} to be due, passes it on, and goes on with the rest. */
    private void send(byte[] data, int at, int slice, Flow next) {
        byte[] part = Arrays.copyOfRange(data, at, Math.min(data.length, at + slice));
        next.after(part.length * 1_000_000L / rate, () -> {
            next.write(part);
            if (at + slice < data.length) {
                send(data, at + slice, slice, next);
            }
        });
    }
}
