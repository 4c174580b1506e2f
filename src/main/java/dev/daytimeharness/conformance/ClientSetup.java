package dev.daytimeharness.conformance;

import dev.daytimeharness.conformance.clients.ClientUnderTest;
import dev.daytimeharness.conformance.clients.CommandClient;
import dev.daytimeharness.conformance.clients.ReferenceClient;
import java.time.Duration;
import java.util.List;

/**
 * The client the client features test, and how.
 *
 * @param client the client under test
 * @param deadline the hard deadline of each of its runs; an overrun kills it
 * @param udp whether a command client speaks UDP, so the UDP client scenarios run for it
 */
public record ClientSetup(ClientUnderTest client, Duration deadline, boolean udp) {
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /** The reference client: what the client features test when nobody names another. */
    public static ClientSetup reference() {
        return new ClientSetup(new ReferenceClient(), DEFAULT_DEADLINE, false);
    }

    /** Under Maven: {@code -Ddaytime.client="COMMAND {host} {port}"}, else the reference client. */
    public static ClientSetup fromSystemProperties() {
        String command = System.getProperty("daytime.client", "");
        return command.isBlank() ? reference()
                : new ClientSetup(new CommandClient(List.of(command.trim().split("\\s+"))), DEFAULT_DEADLINE, false);
    }

    /** Whether the UDP client scenarios apply: the reference client asks over UDP on request. */
    public boolean speaksUdp() {
        return udp || client instanceof ReferenceClient;
    }
}
