package dev.daytimeharness.faults.toxics;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Where a toxic sends what it lets through: the next toxic in the chain, and at the end the
 * destination socket. The picture is Toxiproxy's: client &lt;-&gt; toxics &lt;-&gt; upstream.
 */
public interface Flow {
    /** Passes a chunk on. */
    void write(byte[] chunk) throws IOException;

    /** Passes the end of the stream on. */
    void end() throws IOException;

    /** Closes the whole connection, both ways, with a FIN. */
    void close();

    /** Closes the whole connection with a reset (RST). */
    void reset();

    /** Whether the connection has gone, so a toxic that holds data can stop holding it. */
    boolean isClosed();

    /** Whether the toxic that got this flow is still on the proxy; a removed toxic stops holding. */
    boolean isActive();

    /** Sleeps, but wakes early when the connection closes or the toxic is removed. */
    default void pause(long nanos) throws IOException {
        long end = System.nanoTime() + nanos;
        while (isActive() && !isClosed()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            // parkNanos overshoots by tens of microseconds where Thread.sleep rounds to milliseconds:
            // the latency toxic's precision depends on it. Slices of 50 ms keep removal responsive.
            LockSupport.parkNanos(Math.min(left, 50_000_000L));
            if (Thread.interrupted()) {
                throw new IOException("interrupted");
            }
        }
    }

    /** Holds until the connection closes or the toxic is removed. */
    default void hold() throws IOException {
        pause(Long.MAX_VALUE / 4);
    }
}
