package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends the time, CR LF and a NUL, as C servers that write sizeof a string do. */
public record NulTerminated() implements Behaviour {
    @Override
    public String name() {
        return "nul-terminated";
    }

    @Override
    public String description() {
        return "Sends the time, CR LF and a NUL, as C servers that write sizeof a string do.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(line(stage) + "\r\n\0");
    }
}
