package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.conformance.Verdicts;
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

    /** A TCP scenario (server, fault or client) for an implementation whose profile claims no TCP. */
    @Before(value = "not @udp", order = 1)
    public void claimsTcp() {
        if (world.run().claims().disclaims("tcp")) {
            throw Verdicts.skip("the profile declares no TCP");
        }
    }

    @After
    public void end() {
        world.closeAll();
    }
}
