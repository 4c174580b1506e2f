package dev.daytimeharness.client.load;

import dev.daytimeharness.client.Endpoint;
import java.time.Duration;

/**
 * How hard and how long to load a daytime server.
 *
 * @param target the server
 * @param connections exchanges kept in flight at once: TCP connections, or UDP requests
 * @param warmup how long to load before measuring; what it sees is not in the result
 * @param duration how long the measured part of the run lasts; it stops by itself then
 * @param hold idle TCP connections opened first and held (never read) for the whole run
 * @param perConnection the deadline of each exchange; past it the exchange counts as a timeout
 * @param threads selector threads sharing the exchanges
 * @param udp datagrams instead of TCP connections
 * @param engine what drives the TCP sockets; UDP always runs on NIO
 */
public record LoadOptions(Endpoint target, int connections, Duration warmup, Duration duration, int hold,
                          Duration perConnection, int threads, boolean udp, LoadEngine engine) {

    /** The engine that actually runs: UDP has only the NIO one. */
    public LoadEngine engineInUse() {
        return udp ? LoadEngine.NIO : engine;
    }
}
