package dev.daytimeharness.conformance.report;

import java.util.List;

/** Counts of verdicts over a run. */
public record Summary(int passed, int warned, int failed, int skipped) {

    public static Summary of(List<ScenarioResult> results) {
        int pass = 0;
        int warn = 0;
        int fail = 0;
        int skip = 0;
        for (ScenarioResult r : results) {
            switch (r.status()) {
                case PASS -> pass++;
                case WARN -> warn++;
                case FAIL -> fail++;
                case SKIP -> skip++;
            }
        }
        return new Summary(pass, warn, fail, skip);
    }

    public int total() {
        return passed + warned + failed + skipped;
    }

    /** Worded so CI log readers don't mistake it for a test runner's closing line. */
    public String line() {
        return String.format("%d scenarios: %d pass, %d pass with warnings, %d fail, %d skipped",
                total(), passed, warned, failed, skipped);
    }
}
