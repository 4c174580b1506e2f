package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends CR LF, then the time: clients that print the first line print nothing. */
public record LeadingBlankLine() implements Behaviour {
    @Override
    public String name() {
        return "leading-blank-line";
    }

    @Override
    public String description() {
        return "Sends CR LF, then the time: clients that print the first line print nothing.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send("\r\n" + line(stage) + "\r\n");
    }
}
