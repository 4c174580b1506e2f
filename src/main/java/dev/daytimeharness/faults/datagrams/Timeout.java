package dev.daytimeharness.faults.datagrams;

/**
 * {@code timeout} on a UDP proxy: a blackhole, every datagram dropped. Toxiproxy's timeout also
 * closes the connection {@code timeout} ms later; over UDP there is no connection to close, and no
 * client could see it, so the attribute is kept (and shown) but changes nothing.
 */
public record Timeout(long timeout) implements DatagramToxic {
    public static Timeout from(dev.daytimeharness.faults.toxics.Attributes a) {
        return new Timeout(a.number("timeout"));
    }

    @Override
    public Run open() {
        return (d, next) -> { };
    }
}
