package dev.daytimeharness.faults.toxics;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code timeout}, with Toxiproxy 2.12's semantics ({@code toxics/timeout.go}): every chunk is
 * dropped; the stream ends when the input ends (a server that replies and closes gives the client
 * no bytes and a close at once), or {@code timeout} ms after the toxic started or last saw a
 * chunk, whichever is first. With 0 (or less) only the input's end ends it. Removing the toxic
 * ends the stream too, as its Cleanup does.
 */
public record Timeout(long timeout) implements Toxic {
    /**
     * One thread times every connection's timeout: the pump of a connection may sit in a read, and
     * the toxic's timer must fire all the same. Each check is a few comparisons.
     */
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "timeout-toxic");
        t.setDaemon(true);
        return t;
    });
    private static final long CHECK_MS = 10;

    public static Timeout from(Attributes a) {
        return new Timeout(a.number("timeout"));
    }

    @Override
    public Run open() {
        return new Run() {
            private volatile long lastInput = System.nanoTime();
            private volatile boolean ended;
            private ScheduledFuture<?> timer;

            @Override
            public synchronized void attached(Flow next) {
                if (timer == null) {
                    timer = TIMERS.scheduleWithFixedDelay(() -> check(next), CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void chunk(byte[] data, long arrived, Flow next) {
                // Dropped on the ground; in Toxiproxy each chunk starts the timer again.
                attached(next);
                lastInput = arrived;
            }

            @Override
            public void end(Flow next) throws java.io.IOException {
                finish(next);
            }

            private void check(Flow next) {
                boolean expired = timeout > 0 && System.nanoTime() - lastInput >= timeout * 1_000_000L;
                if (next.isClosed() || expired || !next.isActive()) {
                    // The end may wait in the toxics after this one (slow_close): not on the timer's thread.
                    Thread ender = new Thread(() -> {
                        try {
                            finish(next);
                        } catch (java.io.IOException | RuntimeException e) {
                            next.close();
                        }
                    }, "timeout-toxic-end");
                    ender.setDaemon(true);
                    synchronized (this) {
                        if (timer != null) {
                            timer.cancel(false);
                        }
                    }
                    ender.start();
                }
            }

            private void finish(Flow next) throws java.io.IOException {
                synchronized (this) {
                    if (timer != null) {
                        timer.cancel(false);
                    }
                    if (ended) {
                        return;
                    }
                    ended = true;
                }
                if (!next.isClosed()) {
                    next.end();
                }
            }
        };
    }
}
