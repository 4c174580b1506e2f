package dev.daytimeharness.simulator;

import java.io.IOException;

/** Always sends the same time: the clock never advances. */
public record Frozen(java.time.Instant at) implements Behaviour {
    @Override
    public String name() {
        return "frozen";
    }

    @Override
    public String description() {
        return "Always sends the same time: the clock never advances.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(format().render(at, java.time.ZoneOffset.UTC) + "\r\n");
    }
}
