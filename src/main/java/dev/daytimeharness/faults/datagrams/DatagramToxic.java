package dev.daytimeharness.faults.datagrams;

import java.util.function.Consumer;

/**
 * A fault on one direction of a UDP proxy. Where a TCP toxic holds a stream's thread while it
 * waits, a datagram toxic only says what becomes of each datagram: dropped (it passes nothing on),
 * delayed (a later {@code dueNanos}), cut, or copied. The proxy sends each one when it is due, so
 * under jitter a later datagram can overtake an earlier one, as on a real network.
 */
public interface DatagramToxic {

    /** The state one client's datagrams in one direction need: a loss burst, a link's queue. */
    interface Run {
        /** Passes on what becomes of {@code d}: nothing, once, or more than once. */
        void datagram(Datagram d, Consumer<Datagram> next);
    }

    Run open();
}
