package dev.daytimeharness.faults.toxics;

/** {@code noop}: lets everything through, as a control. */
public record Noop() implements Toxic {
    public static Noop from(Attributes a) {
        return new Noop();
    }

    @Override
    public Run open() {
        return (data, arrived, next) -> next.write(data);
    }
}
