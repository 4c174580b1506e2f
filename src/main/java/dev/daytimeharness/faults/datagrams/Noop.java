package dev.daytimeharness.faults.datagrams;

/** {@code noop} on a UDP proxy: every datagram passes, as a control. */
public record Noop() implements DatagramToxic {
    public static Noop from(dev.daytimeharness.faults.toxics.Attributes a) {
        return new Noop();
    }

    @Override
    public Run open() {
        return (d, next) -> next.accept(d);
    }
}
