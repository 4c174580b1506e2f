package dev.daytimeharness.simulator;

import java.io.IOException;

/** A correct server: the time and CR LF, then a close. */
public record Good() implements Behaviour {
    @Override
    public String name() {
        return "good";
    }

    @Override
    public String description() {
        return "A correct server: the time and CR LF, then a close.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(line(stage) + "\r\n");
    }
}
