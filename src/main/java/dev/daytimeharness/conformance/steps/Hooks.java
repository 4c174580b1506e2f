package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.conformance.Turns;
import dev.daytimeharness.conformance.Verdicts;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/**
 * Gives each scenario its turn and its verdicts before its first step, and closes what it opened
 * and gives the turn back after its last.
 */
public final class Hooks {
    private final ScenarioWorld world;
    private Turns.Turn turn;

    public Hooks(ScenarioWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        // A @load scenario works the machine hard: it runs alone, so no timed check runs beside it.
        turn = world.run().turns().take(scenario.getSourceTagNames().contains("@load"));
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
        try {
            world.closeAll();
        } finally {
            if (turn != null) {
                turn.close();
                turn = null;
            }
        }
    }
}
