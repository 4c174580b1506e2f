package dev.daytimeharness.conformance.clients;

import java.time.Duration;

/**
 * What one run of a client under test did.
 *
 * @param exitCode its exit code (meaningless when {@code killed})
 * @param stdout what it printed (the first 64 KiB)
 * @param stderr what it printed on stderr (the first 64 KiB)
 * @param took how long it ran
 * @param killed true when it overran the hard deadline and the harness killed it
 */
public record ClientRun(int exitCode, String stdout, String stderr, Duration took, boolean killed) {
    public boolean succeeded() {
        return !killed && exitCode == 0;
    }
}
