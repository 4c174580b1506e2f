package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends a well-formed time that is {@code skew} (an hour by default) off the true time. */
public record Skewed(java.time.Duration skew) implements Behaviour {
    @Override
    public String name() {
        return "skewed";
    }

    @Override
    public String description() {
        return "Sends a well-formed time that is --skew (an hour by default) off the true time.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(format().render(stage.now().plus(skew), java.time.ZoneOffset.UTC) + "\r\n");
    }
}
