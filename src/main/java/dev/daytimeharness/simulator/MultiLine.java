package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends the time and a second line of greeting. */
public record MultiLine() implements Behaviour {
    @Override
    public String name() {
        return "multi-line";
    }

    @Override
    public String description() {
        return "Sends the time and a second line of greeting.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(line(stage) + "\r\nhave a nice day\r\n");
    }
}
