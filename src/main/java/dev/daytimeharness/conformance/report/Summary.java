package dev.daytimeharness.conformance.report;

import java.util.List;
import java.util.Locale;

/** Counts of verdicts over a run. */
public record Summary(int passed, int warned, int failed, int skipped, int xfailed, int xpassed) {

    public static Summary of(List<ScenarioResult> results) {
        int[] n = new int[Status.values().length];
        for (ScenarioResult r : results) {
            n[r.status().ordinal()]++;
        }
        return new Summary(n[Status.PASS.ordinal()], n[Status.WARN.ordinal()], n[Status.FAIL.ordinal()],
                n[Status.SKIP.ordinal()], n[Status.XFAIL.ordinal()], n[Status.XPASS.ordinal()]);
    }

    public int total() {
        return passed + warned + failed + skipped + xfailed + xpassed;
    }

    /**
     * Worded so CI log readers don't mistake it for a test runner's closing line; xfail and xpass
     * are counted when an expected-failures list made any.
     */
    public String line() {
        String line = String.format(Locale.ROOT, "%d scenarios: %d pass, %d pass with warnings, %d fail, %d skipped",
                total(), passed, warned, failed, skipped);
        return xfailed + xpassed == 0 ? line : line + String.format(Locale.ROOT, ", %d xfail, %d xpass", xfailed, xpassed);
    }
}
