package dev.daytimeharness.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Everything observed in one exchange with a daytime server: the bytes, how they came, how it ended.
 * The conformance checks and the reference client both read this one record.
 *
 * @param endpoint where we connected
 * @param requestedAt wall-clock time when the connect began
 * @param receivedAt wall-clock time when the exchange ended (EOF, error or deadline)
 * @param connectTime how long the connect took; empty when it failed
 * @param firstByteAfter time from connected to the first byte; empty when none came
 * @param endAfter time from connected to the end of the exchange; empty when the connect failed
 * @param reply the bytes received, at most the cap
 * @param reads how many reads returned data (over UDP: datagrams received)
 * @param outcome how it ended
 * @param detail a human description of a failure, empty for {@link Outcome#CLOSED}
 */
public record Exchange(Endpoint endpoint, Instant requestedAt, Instant receivedAt,
                       Optional<Duration> connectTime, Optional<Duration> firstByteAfter,
                       Optional<Duration> endAfter, byte[] reply, int reads, Outcome outcome, String detail) {

    public boolean connected() {
        return connectTime.isPresent();
    }
}
