package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;

/**
 * {@code reset_peer}: on the first data, waits {@code timeout} ms and resets the connection (RST).
 * As in Toxiproxy, that first chunk is swallowed, so a daytime client gets a reset and no data.
 */
public record ResetPeer(long timeout) implements Toxic {
    public static ResetPeer from(JsonObject a) {
        return new ResetPeer(Attributes.number(a, "timeout"));
    }

    @Override
    public Run open() {
        return (data, arrived, next) -> {
            next.pause(timeout * 1_000_000L);
            if (next.isActive()) {
                next.reset();
            } else {
                next.write(data);
            }
        };
    }
}
