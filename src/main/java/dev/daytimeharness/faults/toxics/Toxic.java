package dev.daytimeharness.faults.toxics;

/**
 * A fault on one direction of a proxied connection. A toxic's settings are its attributes (as
 * Toxiproxy's API names them); {@link #open()} makes the state one connection needs, so one toxic
 * serves many connections.
 */
public interface Toxic {

    /**
     * The per-connection part of a toxic: what it does to each chunk and to the end of the stream.
     * It gets one input at a time, the next only after it has handled this one (see {@link Flow#after}).
     */
    interface Run {
        /** The toxic is on the connection now: Toxiproxy starts each toxic's own timers here. */
        default void attached(Flow next) {}

        void chunk(byte[] data, long arrivedNanos, Flow next);

        default void end(Flow next) {
            next.end();
        }

        /**
         * The toxic was taken off the proxy, after it passed on what it held: Toxiproxy's
         * {@code Cleanup}, which only some toxics have.
         */
        default void removed(Flow next) {}
    }

    Run open();
}
