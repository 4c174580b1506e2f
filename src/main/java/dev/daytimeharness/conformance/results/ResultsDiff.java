package dev.daytimeharness.conformance.results;

import dev.daytimeharness.conformance.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between two runs of the same suite, scenario by scenario: what newly fails, what
 * was fixed, and what changed status or finding. CI runs it against the last release's results.
 *
 * @param changes every scenario whose verdict or finding differs, in scenario ID order
 */
public record ResultsDiff(List<Change> changes) {

    /** How a scenario changed. */
    public enum Kind {
        /** It fails the run now and did not before (or did not run). */
        NEWLY_FAILING,
        /** It failed the run before and does not now. */
        FIXED,
        /** Its status changed in some other way, e.g. pass to warn. */
        STATUS,
        /** Same status, another finding. */
        FINDING,
        /** It ran before and does not now. */
        GONE
    }

    /**
     * One scenario's change.
     *
     * @param id the scenario's ID
     * @param name its title, from the newer run when it has one
     * @param kind how it changed
     * @param before its verdict in the older run, empty if it did not run there
     * @param after its verdict in the newer run, empty if it did not run there
     * @param worse whether this change breaks the build
     */
    public record Change(String id, String name, Kind kind, Optional<ScenarioEntry> before,
                         Optional<ScenarioEntry> after, boolean worse) {}

    public ResultsDiff {
        changes = List.copyOf(changes);
    }

    /**
     * Compares two runs. A change is worse when a scenario now fails the run (FAIL or XPASS) and
     * did not before; with {@code strict}, also when a pass became a warning.
     */
    public static ResultsDiff between(RunResults before, RunResults after, boolean strict) {
        Set<String> ids = new LinkedHashSet<>();
        before.scenarios().forEach(s -> ids.add(s.id()));
        after.scenarios().forEach(s -> ids.add(s.id()));
        List<Change> changes = new ArrayList<>();
        for (String id : ids.stream().sorted().toList()) {
            Optional<ScenarioEntry> b = before.scenario(id);
            Optional<ScenarioEntry> a = after.scenario(id);
            classify(b, a).ifPresent(kind -> changes.add(new Change(id,
                    a.or(() -> b).map(ScenarioEntry::name).orElse(""), kind, b, a, worse(b, a, strict))));
        }
        return new ResultsDiff(changes);
    }

    private static Optional<Kind> classify(Optional<ScenarioEntry> b, Optional<ScenarioEntry> a) {
        if (a.isEmpty()) {
            return Optional.of(Kind.GONE);
        }
        boolean failsNow = a.get().status().failsRun();
        boolean failedBefore = b.map(s -> s.status().failsRun()).orElse(false);
        if (failsNow && !failedBefore) {
            return Optional.of(Kind.NEWLY_FAILING);
        }
        if (b.isEmpty()) {
            return Optional.of(Kind.STATUS);
        }
        if (failedBefore && !failsNow && a.get().status() != Status.SKIP) {
            return Optional.of(Kind.FIXED);
        }
        if (a.get().status() != b.get().status()) {
            return Optional.of(Kind.STATUS);
        }
        return a.get().finding().equals(b.get().finding()) ? Optional.empty() : Optional.of(Kind.FINDING);
    }

    private static boolean worse(Optional<ScenarioEntry> b, Optional<ScenarioEntry> a, boolean strict) {
        if (a.isEmpty()) {
            return false;
        }
        Status now = a.get().status();
        Optional<Status> then = b.map(ScenarioEntry::status);
        if (now.failsRun() && !then.map(Status::failsRun).orElse(false)) {
            return true;
        }
        return strict && now == Status.WARN && then.map(s -> s == Status.PASS).orElse(true);
    }

    /** Whether anything got worse: the diff's exit code is 1 then. */
    public boolean worse() {
        return changes.stream().anyMatch(Change::worse);
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }
}
