package dev.daytimeharness.conformance;

import dev.daytimeharness.client.Endpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces out connections to hosts we don't own. NIST refuses clients that query more often than
 * once every 4 s; other public servers deserve the same courtesy. Loopback is never throttled.
 */
public final class Politeness {
    private final Duration minInterval;
    private final Map<String, Long> lastConnect = new HashMap<>();

    public Politeness(Duration minInterval) {
        this.minInterval = minInterval;
    }

    /** Waits until {@code endpoint}'s host may be contacted again; never longer than the interval. */
    public void await(Endpoint endpoint) {
        if (endpoint.isLoopback() || minInterval.isZero()) {
            return;
        }
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            Long last = lastConnect.get(endpoint.host());
            long earliest = last == null ? now : Math.max(now, last + minInterval.toNanos());
            lastConnect.put(endpoint.host(), earliest);
            waitNanos = earliest - now;
        }
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
