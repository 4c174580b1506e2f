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
    private final String choice;
    private final RunningTarget target;
    private ToxiproxyEndpoint started;

    /**
     * @param choice a Toxiproxy API URL, {@code docker}, or empty for the embedded one
     * @param target the run's target, whose Docker network a {@code docker} Toxiproxy joins
     */
    LazyToxiproxy(String choice, RunningTarget target) {
        this.choice = choice;
        this.target = target;
    }

    public synchronized ToxiproxyEndpoint get() {
        if (started == null) {
            started = "docker".equals(choice)
                    ? ToxiproxyContainers.start(target.network().orElseThrow(() ->
                            new IllegalStateException("--toxiproxy docker needs a docker: target")))
                    : ToxiproxyEndpoint.of(choice);
        }
        return started;
    }

    @Override
    public synchronized void close() {
        if (started != null) {
            started.close();
            started = null;
        }
    }
}
