package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends back what the client sent before the time, where RFC 867 says input is thrown away. */
public record Echo() implements Behaviour {
    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "Sends back what the client sent before the time, where RFC 867 says input is thrown away.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        byte[] heard = stage.awaitInput(java.time.Duration.ofMillis(300));
        stage.send(heard);
        stage.send(line(stage) + "\r\n");
    }
}
