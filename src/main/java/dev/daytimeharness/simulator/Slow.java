package dev.daytimeharness.simulator;

import java.io.IOException;

/** Waits {@code delay} (800 ms) before sending: over 500 ms, within every deadline. */
public record Slow(java.time.Duration delay) implements Behaviour {
    @Override
    public String name() {
        return "slow";
    }

    @Override
    public String description() {
        return "Waits a delay (800 ms) before sending: over 500 ms, within every deadline.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.pause(delay);
        stage.send(line(stage) + "\r\n");
    }
}
