package dev.daytimeharness.faults.datagrams;

/**
 * {@code bandwidth} on a UDP proxy: at most {@code rate} KB/s (Toxiproxy's KB, 1000 bytes), as a
 * link would pass them: a datagram of n bytes takes n / rate ms on the link, after the ones before
 * it. 0 or less, as in Toxiproxy, is no limit.
 */
public record Bandwidth(long rate) implements DatagramToxic {
    public static Bandwidth from(dev.daytimeharness.faults.toxics.Attributes a) {
        return new Bandwidth(a.number("rate"));
    }

    @Override
    public Run open() {
        long[] linkFreeAt = {Long.MIN_VALUE};
        return (d, next) -> {
            if (rate <= 0) {
                next.accept(d);
                return;
            }
            long start = linkFreeAt[0] == Long.MIN_VALUE ? d.dueNanos() : Math.max(d.dueNanos(), linkFreeAt[0]);
            linkFreeAt[0] = start + d.data().length * 1_000_000L / rate;
            next.accept(new Datagram(d.data(), linkFreeAt[0]));
        };
    }
}
