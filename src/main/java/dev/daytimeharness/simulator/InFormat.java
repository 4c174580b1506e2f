package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends the time in a chosen format (--format) with CR LF. */
public record InFormat(dev.daytimeharness.protocol.ReplyFormat chosen) implements Behaviour {
    @Override
    public String name() {
        return "format";
    }

    @Override
    public String description() {
        return "Sends the time in a chosen format (--format) with CR LF.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(chosen.render(stage.now(), java.time.ZoneId.systemDefault()) + "\r\n");
    }
}
