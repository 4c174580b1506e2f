package dev.daytimeharness.conformance.steps;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/** Gives each scenario its verdicts before its first step, and closes what it opened after its last. */
public final class Hooks {
    private final ScenarioWorld world;

    public Hooks(ScenarioWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        world.begin(scenario);
    }

    @After
    public void end() {
        world.closeAll();
    }
}
