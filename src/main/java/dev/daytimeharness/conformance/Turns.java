package dev.daytimeharness.conformance;

/**
 * Who may run beside whom when scenarios run concurrently. A {@code @load} scenario works the
 * machine hard (many clients, floods of input) and runs alone; every other scenario only waits on
 * the network or a toxic, so those share the run. A scenario that measures time therefore never
 * runs beside a CPU-heavy one.
 *
 * <p>The {@code @load} scenarios go first ({@link RunOrder} starts them first), one at a time, and
 * the others wait until all of them are done: then no shared scenario ever waits for another to
 * finish, as it would behind a read-write lock that a {@code @load} scenario queued for. A serial
 * run plans none, and nothing waits.
 */
public final class Turns {
    private int aloneLeft;
    private boolean aloneRunning;

    /** One scenario's turn, given back when it ends. */
    public interface Turn extends AutoCloseable {
        @Override
        void close();
    }

    /** How many scenarios of this run run alone, before all the others; 0 for a serial run. */
    synchronized void plan(int alone) {
        aloneLeft = alone;
        notifyAll();
    }

    /** Waits for a turn: alone, or beside the other scenarios that share, once no alone one is left. */
    public synchronized Turn take(boolean alone) {
        boolean interrupted = false;
        while (alone ? aloneRunning : aloneLeft > 0) {
            try {
                wait();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!alone) {
            return () -> { };
        }
        aloneRunning = true;
        return this::aloneDone;
    }

    private synchronized void aloneDone() {
        aloneRunning = false;
        aloneLeft = Math.max(0, aloneLeft - 1);
        notifyAll();
    }
}
