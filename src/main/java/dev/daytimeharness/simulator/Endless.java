package dev.daytimeharness.simulator;

import java.io.IOException;

/** Streams timestamps without end (until the client leaves or five minutes pass). */
public record Endless() implements Behaviour {
    @Override
    public String name() {
        return "endless";
    }

    @Override
    public String description() {
        return "Streams timestamps without end (until the client leaves or five minutes pass).";
    }

    @Override
    public void play(Stage stage) throws IOException {
        long end = System.nanoTime() + Stage.MAX_HOLD.toNanos();
        while (System.nanoTime() < end) {
            stage.send((line(stage) + "\r\n").repeat(64));
            stage.pause(java.time.Duration.ofMillis(5));
        }
    }
}
