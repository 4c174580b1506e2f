package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends NIST's format: a blank line, the NIST line, LF. */
public record Nist() implements Behaviour {
    @Override
    public String name() {
        return "nist";
    }

    @Override
    public String description() {
        return "Sends NIST's format: a blank line, the NIST line, LF.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send("\n" + dev.daytimeharness.protocol.ReplyFormats.NIST.render(stage.now(), java.time.ZoneOffset.UTC) + " \n");
    }
}
