package dev.daytimeharness.conformance;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import java.util.Optional;

/**
 * The run's first plain exchange: connect, send nothing, read until the server closes. Every check
 * that judges just the reply shares it, so a host we don't own sees one connection, not twenty.
 */
public final class FirstExchange {
    private final OnFirstUse<Exchange> exchange;

    FirstExchange(Probe probe, Endpoint target) {
        this.exchange = new OnFirstUse<>(() -> probe.fetch(target, new byte[0]));
    }

    /** Takes the exchange on first use; later calls get the same one. */
    public Exchange get() {
        return exchange.get();
    }

    /** The exchange if a scenario (or the CLI's reachability check) has taken it; never connects. */
    public Optional<Exchange> ifTaken() {
        return exchange.ifMade();
    }
}
