package dev.daytimeharness.conformance;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value made the first time a scenario asks for it and shared after that, so a run that never
 * needs it never pays for it (a connection to a host we don't own, a Toxiproxy to start).
 */
final class OnFirstUse<T> {
    private final Supplier<T> make;
    private T made;

    OnFirstUse(Supplier<T> make) {
        this.make = make;
    }

    /** Makes the value on first use; later calls get the same one. */
    synchronized T get() {
        if (made == null) {
            made = make.get();
        }
        return made;
    }

    /** The value if it has been made; never makes it. */
    synchronized Optional<T> ifMade() {
        return Optional.ofNullable(made);
    }

    /** Hands back the value if it was made and forgets it, so its owner can close it once. */
    synchronized Optional<T> forget() {
        Optional<T> was = Optional.ofNullable(made);
        made = null;
        return was;
    }
}
