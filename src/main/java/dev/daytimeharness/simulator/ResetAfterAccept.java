package dev.daytimeharness.simulator;

import java.io.IOException;

/** Resets the connection as soon as it is accepted: the client sees a reset and no data. */
public record ResetAfterAccept() implements Behaviour {
    @Override
    public String name() {
        return "reset-after-accept";
    }

    @Override
    public String description() {
        return "Resets the connection as soon as it is accepted: the client sees a reset and no data.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.reset();
    }
}
