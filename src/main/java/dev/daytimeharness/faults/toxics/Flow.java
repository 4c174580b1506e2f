package dev.daytimeharness.faults.toxics;

/**
 * Where a toxic sends what it lets through: the next toxic in the chain, and at the end the
 * destination socket. The picture is Toxiproxy's: client &lt;-&gt; toxics &lt;-&gt; upstream.
 *
 * <p>Every call comes on the connection's event-loop thread, so a toxic's state needs no locks;
 * nothing here may block. A toxic that waits asks for {@link #after}: it is called back when the
 * time has come, and meanwhile gets no further input, as a Toxiproxy toxic's goroutine takes the
 * next chunk only when it is done with this one.
 */
public interface Flow {
    /** Passes a chunk on. */
    void write(byte[] chunk);

    /** Passes the end of the stream on. */
    void end();

    /** Closes the whole connection, both ways, with a FIN. */
    void close();

    /** Closes the whole connection with a reset (RST). */
    void reset();

    /** Whether the connection has gone. */
    boolean isClosed();

    /** Whether the toxic that got this flow is still on the proxy. */
    boolean isActive();

    /**
     * Goes on with {@code then} in {@code nanos} (now, if that is 0 or less), taking no input until
     * then; at once when the toxic is removed, as Toxiproxy's interrupt lets a toxic pass on what
     * it holds; never when the connection has closed. At most one wait is pending per toxic.
     */
    void after(long nanos, Runnable then);

    /**
     * Runs {@code task} in {@code nanos} without holding input back (a watchdog, as the timeout
     * toxic's timer is); never once the connection has closed or the toxic was removed.
     *
     * @return what cancels it
     */
    Runnable timer(long nanos, Runnable task);
}
