package dev.daytimeharness.conformance.report;

import dev.daytimeharness.conformance.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's verdicts as they come in: each scenario's findings, as the checks made them, and each
 * finished scenario's result. The live report reads the findings from here, never from log text.
 */
public final class Results {
    private final Map<String, List<Finding>> findings = new HashMap<>();
    private final List<ScenarioResult> finished = new ArrayList<>();

    /** A finding a check made in the scenario with Cucumber's test case id {@code scenarioId}. */
    public synchronized void found(String scenarioId, Finding finding) {
        findings.computeIfAbsent(scenarioId, k -> new ArrayList<>()).add(finding);
    }

    synchronized List<Finding> findingsOf(String scenarioId) {
        return List.copyOf(findings.getOrDefault(scenarioId, List.of()));
    }

    synchronized void add(ScenarioResult result) {
        finished.add(result);
    }

    /** Every finished scenario, in the order the reports list them (ScenarioOrder, whatever order they ran in). */
    public synchronized List<ScenarioResult> all() {
        return List.copyOf(finished);
    }
}
