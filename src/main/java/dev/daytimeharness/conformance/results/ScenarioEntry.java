package dev.daytimeharness.conformance.results;

import dev.daytimeharness.conformance.ScenarioIndex;
import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.conformance.report.Status;

/**
 * One scenario's verdict.
 *
 * @param id its stable ID, e.g. {@code DT-TCP-010}
 * @param name its title
 * @param feature the title of the feature it belongs to
 * @param level {@code must}, {@code should} or {@code compat}
 * @param status its verdict
 * @param finding the one-line finding: why it failed, warned or was skipped; empty for a clean pass
 */
public record ScenarioEntry(String id, String name, String feature, String level, Status status, String finding) {

    /** A scenario's verdict, with its feature and level from the packaged features. */
    public static ScenarioEntry of(ScenarioResult r, ScenarioIndex index) {
        var declared = index.find(r.id());
        return new ScenarioEntry(r.id(), r.name(), declared.map(ScenarioIndex.Scenario::feature).orElse(""),
                declared.map(ScenarioIndex.Scenario::level).orElse("must"), r.status(), r.reason());
    }
}
