package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;

/** {@code noop}: lets everything through, as a control. */
public record Noop() implements Toxic {
    public static Noop from(JsonObject a) {
        return new Noop();
    }

    @Override
    public Run open() {
        return (data, arrived, next) -> next.write(data);
    }
}
