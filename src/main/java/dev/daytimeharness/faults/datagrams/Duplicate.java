package dev.daytimeharness.faults.datagrams;

/**
 * {@code duplicate}, an extension of the Toxiproxy API: each datagram is passed on, and then
 * {@code copies} more of it, all due at once, as a network that duplicates a packet delivers it.
 */
public record Duplicate(long copies) implements DatagramToxic {
    /** More copies than this would be a flood, not a fault. */
    static final long MAX_COPIES = 100;

    public static Duplicate from(dev.daytimeharness.faults.toxics.Attributes a) {
        return new Duplicate(a.within("copies", 0, MAX_COPIES));
    }

    @Override
    public Run open() {
        return (d, next) -> {
            for (long i = 0; i <= copies; i++) {
                next.accept(d);
            }
        };
    }
}
