package dev.daytimeharness.simulator;

import java.io.IOException;

/** Accepts and closes at once: the client reads EOF and no data. */
public record CloseWithoutSending() implements Behaviour {
    @Override
    public String name() {
        return "close-without-sending";
    }

    @Override
    public String description() {
        return "Accepts and closes at once: the client reads EOF and no data.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        // Nothing to send: the close that follows is the whole behaviour.
    }
}
