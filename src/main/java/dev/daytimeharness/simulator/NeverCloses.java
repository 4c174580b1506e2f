package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends the time, then keeps the connection open: a client reading to EOF waits forever. */
public record NeverCloses() implements Behaviour {
    @Override
    public String name() {
        return "never-closes";
    }

    @Override
    public String description() {
        return "Sends the time, then keeps the connection open: a client reading to EOF waits forever.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(line(stage) + "\r\n");
        stage.hold(Stage.MAX_HOLD);
    }
}
