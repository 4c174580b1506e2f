package dev.daytimeharness.faults.datagrams;

import java.util.Arrays;

/**
 * {@code limit_data} on a UDP proxy: each datagram is cut to its first {@code bytes} bytes (a
 * datagram has no stream to end, so where Toxiproxy closes the connection this truncates).
 * 0 or less sends empty datagrams.
 */
public record LimitData(long bytes) implements DatagramToxic {
    public static LimitData from(dev.daytimeharness.faults.toxics.Attributes a) {
        return new LimitData(a.any("bytes", "int64"));
    }

    @Override
    public Run open() {
        return (d, next) -> next.accept(d.data().length <= bytes ? d
                : new Datagram(Arrays.copyOf(d.data(), (int) Math.max(0, bytes)), d.dueNanos()));
    }
}
