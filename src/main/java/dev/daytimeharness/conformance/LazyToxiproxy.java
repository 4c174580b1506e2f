package dev.daytimeharness.conformance;

import dev.daytimeharness.faults.ToxiproxyContainers;
import dev.daytimeharness.faults.ToxiproxyEndpoint;
import dev.daytimeharness.target.RunningTarget;

/**
 * The Toxiproxy the fault scenarios drive: started (if embedded, or as a container beside a
 * {@code docker:} target) on first use, so a run without fault scenarios never starts one, and
 * closed with the run.
 */
public final class LazyToxiproxy implements AutoCloseable {
    private final OnFirstUse<ToxiproxyEndpoint> toxiproxy;

    /**
     * @param choice a Toxiproxy API URL, {@code docker}, or empty for the embedded one
     * @param target the run's target, whose Docker network a {@code docker} Toxiproxy joins
     */
    LazyToxiproxy(String choice, RunningTarget target) {
        this.toxiproxy = new OnFirstUse<>(() -> "docker".equals(choice)
                ? ToxiproxyContainers.start(target.network().orElseThrow(() ->
                        new IllegalStateException("--toxiproxy docker needs a docker: target")))
                : ToxiproxyEndpoint.of(choice));
    }

    public ToxiproxyEndpoint get() {
        return toxiproxy.get();
    }

    @Override
    public void close() {
        toxiproxy.forget().ifPresent(ToxiproxyEndpoint::close);
    }
}
