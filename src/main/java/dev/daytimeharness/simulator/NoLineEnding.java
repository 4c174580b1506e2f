package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends the time with no line ending: line-reading clients wait for one. */
public record NoLineEnding() implements Behaviour {
    @Override
    public String name() {
        return "no-line-ending";
    }

    @Override
    public String description() {
        return "Sends the time with no line ending: line-reading clients wait for one.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(line(stage));
    }
}
