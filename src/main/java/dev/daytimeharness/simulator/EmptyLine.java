package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends just CR LF: a line with no time in it. */
public record EmptyLine() implements Behaviour {
    @Override
    public String name() {
        return "empty-line";
    }

    @Override
    public String description() {
        return "Sends just CR LF: a line with no time in it.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send("\r\n");
    }
}
