package dev.daytimeharness.faults.toxics;

/** {@code slow_close}: passes data at once, but the end of the stream {@code delay} ms after it arrives. */
public record SlowClose(long delay) implements Toxic {
    public static SlowClose from(Attributes a) {
        return new SlowClose(a.number("delay"));
    }

    @Override
    public Run open() {
        return new Run() {
            @Override
            public void chunk(byte[] data, long arrived, Flow next) {
                next.write(data);
            }

            @Override
            public void end(Flow next) {
                next.after(delay * 1_000_000L, next::end);
            }
        };
    }
}
