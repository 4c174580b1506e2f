package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.conformance.ConformanceRun;
import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario has seen so far, shared by its step classes. A scenario runs start to end on
 * one thread (also when scenarios run in parallel), so the state is found through that thread.
 */
public final class ScenarioState {
    private static final ThreadLocal<ScenarioState> CURRENT = new ThreadLocal<>();

    ConformanceRun run;
    Verdicts verdicts;
    Exchange exchange;
    Exchange earlier;
    byte[] sent = new byte[0];
    /** Rude clients, proxies and the like that the scenario opened and its end closes. */
    final List<AutoCloseable> closeAfter = new ArrayList<>();
    dev.daytimeharness.faults.FaultProxy proxy;
    dev.daytimeharness.conformance.ReferenceClientRun client;
    dev.daytimeharness.simulator.SimulatedServer simulator;
    dev.daytimeharness.client.Endpoint server;
    dev.daytimeharness.conformance.clients.ClientRun clientRun;
    dev.daytimeharness.simulator.UdpSimulatedServer udpSimulator;
    boolean udp;
    List<Exchange> concurrent = List.of();

    static ScenarioState begin() {
        ScenarioState state = new ScenarioState();
        CURRENT.set(state);
        return state;
    }

    static ScenarioState current() {
        ScenarioState state = CURRENT.get();
        if (state == null) {
            throw new IllegalStateException("no scenario is running on this thread");
        }
        return state;
    }

    static void end() {
        CURRENT.remove();
    }

    Observation observation() {
        if (exchange == null) {
            throw new IllegalStateException("no exchange yet: a When step must connect first");
        }
        return Observation.of(exchange, run.settings().zone());
    }
}
