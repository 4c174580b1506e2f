package dev.daytimeharness.conformance.report;

import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.Severity;
import dev.daytimeharness.protocol.Printable;
import java.util.List;
import java.util.Locale;

/**
 * The verdict on one scenario.
 *
 * @param id the scenario's stable ID tag without the {@code @}, e.g. {@code DT-TCP-003}
 * @param name the scenario's name
 * @param status its verdict
 * @param reason why it failed or was skipped, or its warnings; empty for a clean pass
 * @param findings what its checks found, as they found it (warnings, and the error that failed it)
 */
public record ScenarioResult(String id, String name, Status status, String reason, List<Finding> findings) {
    /** A skip's or a failure's reason may quote the network too (findings are escaped already). */
    public ScenarioResult {
        reason = Printable.escape(reason);
    }

    public String line() {
        String base = String.format(Locale.ROOT, "%-5s %-11s %s", status, id, name);
        return reason.isEmpty() ? base : base + ": " + reason;
    }

    /** The warnings it raised, each one line. */
    public List<String> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).map(Finding::message).toList();
    }
}
