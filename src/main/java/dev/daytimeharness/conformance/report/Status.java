package dev.daytimeharness.conformance.report;

/** The verdict on one scenario, as the live output and the exit code see it. */
public enum Status {
    PASS, WARN, FAIL, SKIP
}
