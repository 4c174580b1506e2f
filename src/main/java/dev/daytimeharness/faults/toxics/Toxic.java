package dev.daytimeharness.faults.toxics;

import java.io.IOException;

/**
 * A fault on one direction of a proxied connection. A toxic's settings are its attributes (as
 * Toxiproxy's API names them); {@link #open()} makes the state one connection needs, so one toxic
 * serves many connections.
 */
public interface Toxic {

    /** The per-connection part of a toxic: what it does to each chunk and to the end of the stream. */
    interface Run {
        /** The toxic is on the connection now: Toxiproxy starts each toxic's own timers here. */
        default void attached(Flow next) {}

        void chunk(byte[] data, long arrivedNanos, Flow next) throws IOException;

        default void end(Flow next) throws IOException {
            next.end();
        }
    }

    Run open();
}
