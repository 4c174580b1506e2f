package dev.daytimeharness.faults.toxics;

/**
 * {@code timeout}, with Toxiproxy 2.12's semantics ({@code toxics/timeout.go}): every chunk is
 * dropped; the stream ends when the input ends (a server that replies and closes gives the client
 * no bytes and a close at once), or {@code timeout} ms after the toxic started or last saw a
 * chunk, whichever is first. With 0 (or less) only the input's end ends it. Removing the toxic
 * ends the stream too, as its Cleanup does.
 */
public record Timeout(long timeout) implements Toxic {
    public static Timeout from(Attributes a) {
        return new Timeout(a.number("timeout"));
    }

    @Override
    public Run open() {
        return new Run() {
            private long lastInput = System.nanoTime();
            private boolean ended;
            private Runnable cancel;

            @Override
            public void attached(Flow next) {
                if (timeout > 0 && cancel == null && !ended) {
                    cancel = next.timer(timeout * 1_000_000L, () -> expire(next));
                }
            }

            @Override
            public void chunk(byte[] data, long arrived, Flow next) {
                // Dropped on the ground; in Toxiproxy each chunk starts the timer again.
                lastInput = arrived;
                attached(next);
            }

            @Override
            public void end(Flow next) {
                finish(next);
            }

            @Override
            public void removed(Flow next) {
                finish(next);
            }

            /** The timer is not moved for every chunk: when it fires early, it waits out the rest. */
            private void expire(Flow next) {
                long left = lastInput + timeout * 1_000_000L - System.nanoTime();
                cancel = null;
                if (left > 0) {
                    cancel = next.timer(left, () -> expire(next));
                } else {
                    finish(next);
                }
            }

            private void finish(Flow next) {
                if (cancel != null) {
                    cancel.run();
                    cancel = null;
                }
                if (!ended) {
                    ended = true;
                    if (!next.isClosed()) {
                        next.end();
                    }
                }
            }
        };
    }
}
