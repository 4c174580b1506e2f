package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.conformance.ConformanceRun;
import dev.daytimeharness.conformance.Verdicts;
import io.cucumber.java.After;
import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeAll;
import io.cucumber.java.Scenario;

/** Opens the run before the first scenario and gives each scenario its verdicts. */
public final class Hooks {

    @BeforeAll
    public static void openRun() {
        ConformanceRun.ensureOpen();
    }

    @AfterAll
    public static void closeRun() {
        ConformanceRun.closeIfOwnedByHooks();
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        ScenarioState state = ScenarioState.begin();
        state.run = ConformanceRun.current();
        state.verdicts = new Verdicts(state.run.settings().strict(), scenario::log);
    }

    @After
    public void end() {
        ScenarioState state = ScenarioState.current();
        ScenarioState.end();
        for (AutoCloseable c : state.closeAfter) {
            try {
                c.close();
            } catch (Exception ignored) {
                // A rude client the server already dropped needs no closing.
            }
        }
    }
}
