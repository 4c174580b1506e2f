package dev.daytimeharness.client.load;

import dev.daytimeharness.client.Endpoint;
import java.time.Duration;

/**
 * How hard and how long to load a daytime server.
 *
 * @param target the server
 * @param connections connections kept in flight at once
 * @param duration how long the run lasts; it stops by itself then
 * @param hold idle connections opened first and held (never read) for the whole run
 * @param perConnection the deadline of each exchange; past it the exchange counts as a timeout
 * @param threads selector threads sharing the connections
 */
public record LoadOptions(Endpoint target, int connections, Duration duration, int hold, Duration perConnection,
                          int threads) {}
