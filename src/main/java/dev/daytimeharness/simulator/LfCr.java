package dev.daytimeharness.simulator;

import java.io.IOException;

/** Ends the line with LF CR, reversed, as some Windows servers do. */
public record LfCr() implements Behaviour {
    @Override
    public String name() {
        return "lfcr";
    }

    @Override
    public String description() {
        return "Ends the line with LF CR, reversed, as some Windows servers do.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(line(stage) + "\n\r");
    }
}
