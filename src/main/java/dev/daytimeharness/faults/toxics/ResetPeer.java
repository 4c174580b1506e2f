package dev.daytimeharness.faults.toxics;

/**
 * {@code reset_peer}: on the first input, data or the end of the stream, waits {@code timeout} ms
 * and resets the connection (RST). As in Toxiproxy, that first chunk is swallowed, so a daytime
 * client gets a reset and no data. Removed while it waits, it passes that input on instead.
 */
public record ResetPeer(long timeout) implements Toxic {
    public static ResetPeer from(Attributes a) {
        return new ResetPeer(a.number("timeout"));
    }

    @Override
    public Run open() {
        return new Run() {
            @Override
            public void chunk(byte[] data, long arrived, Flow next) {
                resetAfterTimeout(next, data);
            }

            @Override
            public void end(Flow next) {
                resetAfterTimeout(next, null);
            }

            private void resetAfterTimeout(Flow next, byte[] data) {
                next.after(timeout * 1_000_000L, () -> {
                    if (next.isActive()) {
                        next.reset();
                    } else if (data != null) {
                        next.write(data);
                    } else {
                        next.end();
                    }
                });
            }
        };
    }
}
