package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.conformance.ConformanceRun;
import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.Settings;
import dev.daytimeharness.conformance.Severity;
import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.Observation;
import io.cucumber.java.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one scenario shares between its step classes: the run, the scenario's verdicts, the
 * exchange its When step took, and what it opened. Cucumber makes one per scenario and hands the
 * same one to every step class's constructor; what only one step class needs stays in that class.
 */
public final class ScenarioWorld {
    private final ConformanceRun run;
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private Verdicts verdicts;
    private Exchange exchange;

    public ScenarioWorld(ConformanceRun run) {
        this.run = run;
    }

    /** Called by the first hook: findings go to the run's results, warnings also to the scenario's log. */
    void begin(Scenario scenario) {
        verdicts = new Verdicts(run.settings().strict(), finding -> {
            run.results().found(scenario.getId(), finding);
            if (finding.severity() == Severity.WARNING) {
                scenario.log("WARNING: " + finding.message());
            }
        });
    }

    public ConformanceRun run() {
        return run;
    }

    public Settings settings() {
        return run.settings();
    }

    /** Applies a check's finding, if it made one: an error ends the scenario. */
    public void judge(Optional<Finding> finding) {
        verdicts.apply(finding);
    }

    public void judge(Finding finding) {
        verdicts.apply(finding);
    }

    public void exchange(Exchange e) {
        exchange = e;
    }

    public Exchange exchange() {
        if (exchange == null) {
            throw new IllegalStateException("no exchange yet: a When step must connect first");
        }
        return exchange;
    }

    /** The exchange and what the parser made of its reply. */
    public Observation observation() {
        return Observation.of(exchange(), settings().zone());
    }

    /** Rude clients, proxies and servers the scenario opened, closed when it ends. */
    public <T extends AutoCloseable> T closeAfter(T resource) {
        closeAfter.add(resource);
        return resource;
    }

    void closeAll() {
        for (AutoCloseable c : closeAfter) {
            try {
                c.close();
            } catch (Exception ignored) {
                // A rude client the server already dropped needs no closing.
            }
        }
        closeAfter.clear();
    }
}
