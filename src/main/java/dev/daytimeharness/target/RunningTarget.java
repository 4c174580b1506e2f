package dev.daytimeharness.target;

import dev.daytimeharness.client.Endpoint;
import java.util.Optional;

/**
 * A target ready to be tested.
 *
 * @param description what it is, for reports
 * @param tcp where it answers TCP
 * @param udp where it answers UDP, if it does
 * @param stopper what stops it (nothing, for a server someone else runs)
 */
public record RunningTarget(String description, Endpoint tcp, Optional<Endpoint> udp, Stopper stopper)
        implements AutoCloseable {

    @Override
    public void close() {
        stopper.stop();
    }

    /** Stops a target without checked exceptions: a failure to stop is not the user's problem. */
    @FunctionalInterface
    public interface Stopper {
        void stop();
    }
}
