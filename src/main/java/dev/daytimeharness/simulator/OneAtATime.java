package dev.daytimeharness.simulator;

import java.io.IOException;

/** Serves one client at a time, each taking {@code perClient} (one second by default): concurrent clients queue. */
public record OneAtATime(java.time.Duration perClient) implements Behaviour {
    @Override
    public String name() {
        return "one-at-a-time";
    }

    @Override
    public String description() {
        return "Serves one client at a time, each taking one second: concurrent clients queue.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.pause(perClient);
        stage.send(line(stage) + "\r\n");
    }
}
