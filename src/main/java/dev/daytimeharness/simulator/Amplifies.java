package dev.daytimeharness.simulator;

import java.io.IOException;

/**
 * Over UDP, answers each datagram with {@code datagrams} datagrams (50 by default): an amplifier,
 * the reason scanners flag UDP daytime, as a forged source address turns each small request into
 * a flood at someone else. RFC 867 sends "an answering datagram". Over TCP it is a correct server.
 */
public record Amplifies(int datagrams) implements Behaviour {
    /** A bound on what one request may make the simulator send. */
    public static final int MAX_DATAGRAMS = 1000;

    public Amplifies {
        if (datagrams < 1 || datagrams > MAX_DATAGRAMS) {
            throw new IllegalArgumentException("datagrams per request must be 1 to " + MAX_DATAGRAMS);
        }
    }

    @Override
    public String name() {
        return "amplifies";
    }

    @Override
    public String description() {
        return "Over UDP (on the same port) answers each datagram with " + datagrams
                + " datagrams, an amplifier; over TCP a correct server.";
    }

    @Override
    public void play(Stage stage) throws IOException {
        stage.send(line(stage) + "\r\n");
    }

    @Override
    public int datagramsPerRequest() {
        return datagrams;
    }
}
