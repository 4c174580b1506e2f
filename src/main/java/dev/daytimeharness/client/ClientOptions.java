package dev.daytimeharness.client;

import java.time.Duration;

/**
 * How a client talks to a server.
 *
 * @param connectTimeout how long to wait for the connection to be accepted
 * @param deadline how long the whole exchange may take, from the start of the connect
 * @param maxBytes the cap on the reply; past it reading stops with {@link Outcome#TOO_LARGE}
 * @param sendFirst bytes to send right after connecting (RFC 867 says the server discards them);
 *                  empty to send nothing
 */
public record ClientOptions(Duration connectTimeout, Duration deadline, int maxBytes, byte[] sendFirst) {

    public static final int DEFAULT_MAX_BYTES = 4096;

    public static ClientOptions defaults() {
        return new ClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), DEFAULT_MAX_BYTES, new byte[0]);
    }

    public ClientOptions withDeadline(Duration d) {
        return new ClientOptions(connectTimeout, d, maxBytes, sendFirst);
    }

    public ClientOptions withMaxBytes(int n) {
        return new ClientOptions(connectTimeout, deadline, n, sendFirst);
    }

    public ClientOptions withSendFirst(byte[] bytes) {
        return new ClientOptions(connectTimeout, deadline, maxBytes, bytes);
    }
}
