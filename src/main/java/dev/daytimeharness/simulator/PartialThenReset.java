package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends the first half of the line, then resets the connection. */
public record PartialThenReset() implements Behaviour {
    @Override
    public String name() {
        return "partial-then-reset";
    }

    @Override
    public String description() {
        return "Sends the first half of the line, then resets the connection.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        String time = line(stage);
        stage.send(time.substring(0, time.length() / 2));
        stage.pause(java.time.Duration.ofMillis(50));
        stage.reset();
    }
}
