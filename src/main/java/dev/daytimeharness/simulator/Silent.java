package dev.daytimeharness.simulator;

import java.io.IOException;

/** Accepts and never sends nor closes: the client waits until its own deadline. */
public record Silent() implements Behaviour {
    @Override
    public String name() {
        return "silent";
    }

    @Override
    public String description() {
        return "Accepts and never sends nor closes: the client waits until its own deadline.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.hold(Stage.MAX_HOLD);
    }
}
