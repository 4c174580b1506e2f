package dev.daytimeharness.conformance.report;

import java.util.List;

/**
 * The verdict on one scenario.
 *
 * @param id the scenario's stable ID tag without the {@code @}, e.g. {@code DT-TCP-003}
 * @param name the scenario's name
 * @param status its verdict
 * @param reason why it failed or was skipped, or its warnings; empty for a clean pass
 * @param warnings every warning it raised
 */
public record ScenarioResult(String id, String name, Status status, String reason, List<String> warnings) {
    public String line() {
        String base = String.format("%-4s  %-11s %s", status, id, name);
        return reason.isEmpty() ? base : base + ": " + reason;
    }
}
