package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends the line one byte at a time, {@code gap} (10 ms) apart: single-read clients get one byte. */
public record Fragmented(java.time.Duration gap) implements Behaviour {
    @Override
    public String name() {
        return "fragmented";
    }

    @Override
    public String description() {
        return "Sends the line one byte at a time, a gap (10 ms) apart: single-read clients get one byte.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.trickle(line(stage) + "\r\n", gap);
    }
}
