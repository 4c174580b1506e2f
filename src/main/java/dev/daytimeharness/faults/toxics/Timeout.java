package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;

/**
 * {@code timeout}: stops all data getting through and closes the connection after {@code timeout}
 * ms; with 0 it never closes, and data is dropped until the toxic is removed. As in Toxiproxy, the
 * end of the stream is held back too, so the client neither gets data nor an EOF.
 */
public record Timeout(long timeout) implements Toxic {
    public static Timeout from(JsonObject a) {
        return new Timeout(Attributes.number(a, "timeout"));
    }

    @Override
    public Run open() {
        long opened = System.nanoTime();
        return new Run() {
            @Override
            public void chunk(byte[] data, long arrived, Flow next) throws java.io.IOException {
                waitOut(next);
            }

            @Override
            public void end(Flow next) throws java.io.IOException {
                waitOut(next);
                if (next.isActive()) {
                    return;
                }
                next.end();
            }

            /** Drops the data: holds until the timeout closes the connection, or the toxic goes. */
            private void waitOut(Flow next) throws java.io.IOException {
                if (timeout > 0) {
                    next.pause(opened + timeout * 1_000_000L - System.nanoTime());
                    if (next.isActive()) {
                        next.close();
                    }
                } else {
                    next.hold();
                }
            }
        };
    }
}
