package dev.daytimeharness.conformance;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import java.util.Optional;

/**
 * The run's first plain exchange: connect, send nothing, read until the server closes. Every check
 * that judges just the reply shares it, so a host we don't own sees one connection, not twenty.
 */
public final class FirstExchange {
    private final Probe probe;
    private final Endpoint target;
    private Exchange taken;

    FirstExchange(Probe probe, Endpoint target) {
        this.probe = probe;
        this.target = target;
    }

    /** Takes the exchange on first use; later calls get the same one. */
    public synchronized Exchange get() {
        if (taken == null) {
            taken = probe.fetch(target, new byte[0]);
        }
        return taken;
    }

    /** The exchange if a scenario (or the CLI's reachability check) has taken it; never connects. */
    public synchronized Optional<Exchange> ifTaken() {
        return Optional.ofNullable(taken);
    }
}
