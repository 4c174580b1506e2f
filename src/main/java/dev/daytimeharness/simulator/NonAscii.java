package dev.daytimeharness.simulator;

import java.io.IOException;

/** Sends the time with a UTF-8 word (bytes over 0x7F), which RFC 867 rules out. */
public record NonAscii() implements Behaviour {
    @Override
    public String name() {
        return "non-ascii";
    }

    @Override
    public String description() {
        return "Sends the time with a UTF-8 word (bytes over 0x7F), which RFC 867 rules out.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send((line(stage) + " (Mi\u00e9rcoles)\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
