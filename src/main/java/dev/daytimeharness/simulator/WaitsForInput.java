package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends the time only after the client sends something; a silent client gets nothing. */
public record WaitsForInput() implements Behaviour {
    @Override
    public String name() {
        return "waits-for-input";
    }

    @Override
    public String description() {
        return "Sends the time only after the client sends something; a silent client gets nothing.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        if (stage.awaitInput(Stage.MAX_HOLD).length > 0) {
            stage.send(line(stage) + "\r\n");
        }
    }
}
