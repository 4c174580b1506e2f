package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends one line of {@code bytes} (2000 by default), over a 1024-byte read buffer. */
public record Oversized(int bytes) implements Behaviour {
    @Override
    public String name() {
        return "oversized";
    }

    @Override
    public String description() {
        return "Sends one line of 2000 bytes, over a 1024-byte read buffer.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        String time = line(stage);
        stage.send(time + " " + "x".repeat(Math.max(0, bytes - time.length() - 3)) + "\r\n");
    }
}
