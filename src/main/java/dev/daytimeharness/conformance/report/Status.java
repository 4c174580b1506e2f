package dev.daytimeharness.conformance.report;

/**
 * The verdict on one scenario, as the live output and the exit code see it. XFAIL and XPASS are a
 * listed expected failure that failed (the run still passes) and one that passed (the run fails,
 * so the list never goes stale).
 */
public enum Status {
    PASS, WARN, FAIL, SKIP, XFAIL, XPASS;

    /** Whether this verdict fails the run. */
    public boolean failsRun() {
        return this == FAIL || this == XPASS;
    }
}
