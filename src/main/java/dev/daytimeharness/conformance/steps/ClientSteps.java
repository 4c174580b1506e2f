package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.conformance.checks.ClientChecks;
import dev.daytimeharness.conformance.checks.Served;
import dev.daytimeharness.faults.Fault;
import dev.daytimeharness.faults.FaultProxy;
import dev.daytimeharness.simulator.Behaviours;
import dev.daytimeharness.simulator.SimulatedServer;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Steps that serve a client under test a server behaviour, good or bad, and judge how it copes. */
public final class ClientSteps {
    private final ScenarioState state = ScenarioState.current();

    @Given("the client under test")
    public void clientUnderTest() {
        // The run knows the client; nothing to set up per scenario.
    }

    @Given("a server that behaves {string}")
    public void serverBehaves(String behaviour) {
        try {
            state.simulator = SimulatedServer.start(Behaviours.byName(behaviour), new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state.closeAfter.add(state.simulator);
        state.server = state.simulator.endpoint();
    }

    @Given("no server listening")
    public void nothingListens() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            state.server = new Endpoint("127.0.0.1", s.getLocalPort());
        }
    }

    @Given("a good server behind a latency of {int} ms")
    public void behindLatency(int ms) {
        behindFault(new Fault.Latency(ms, 0));
    }

    @Given("a good server behind a bandwidth of {int} KB\\/s")
    public void behindBandwidth(int kbps) {
        behindFault(new Fault.Bandwidth(kbps));
    }

    private void behindFault(Fault fault) {
        serverBehaves("good");
        FaultProxy proxy = FaultProxy.open(state.run.toxiproxy(), state.simulator.endpoint().toString());
        state.closeAfter.add(proxy);
        proxy.add(fault, true);
        state.server = proxy.endpoint();
    }

    @Given("the client under test speaks UDP")
    public void speaksUdp() {
        if (!(state.run.client() instanceof dev.daytimeharness.conformance.clients.ReferenceClient) && !state.run.clientUdp()) {
            throw dev.daytimeharness.conformance.Verdicts.skip("the client under test is checked as a TCP client"
                    + " (check-client --udp checks a UDP client)");
        }
        state.udp = true;
    }

    @Given("a UDP server that answers")
    public void udpAnswers() throws IOException {
        udpServer(true);
    }

    @Given("a UDP server that never answers")
    public void udpSilent() throws IOException {
        udpServer(false);
    }

    private void udpServer(boolean answers) throws IOException {
        state.udpSimulator = dev.daytimeharness.simulator.UdpSimulatedServer.start(answers,
                new InetSocketAddress("127.0.0.1", 0));
        state.closeAfter.add(state.udpSimulator);
        state.server = state.udpSimulator.endpoint();
    }

    @When("the client runs against it")
    public void clientRuns() {
        var client = state.udp ? state.run.client().overUdp() : state.run.client();
        state.clientRun = client.run(state.server, state.run.clientDeadline());
    }

    @Then("the client exits 0 and prints the served timestamp")
    public void printsTimestamp() {
        state.verdicts.apply(ClientChecks.printedWhole(state.clientRun, served(), false));
    }

    @Then("the client prints the timestamp unmangled")
    public void printsUnmangled() {
        state.verdicts.apply(ClientChecks.printedWhole(state.clientRun, served(), true));
    }

    @Then("the client prints the whole reply or fails cleanly")
    public void wholeOrClean() {
        state.verdicts.apply(ClientChecks.wholeOrCleanFailure(state.clientRun, served()));
    }

    @Then("the client returns the line or fails, without hanging")
    public void lineOrTimeout() {
        state.verdicts.apply(ClientChecks.lineOrTimeout(state.clientRun, served()));
    }

    @Then("the client stops by itself within the deadline")
    public void stopsInTime() {
        metTheServer();
        state.verdicts.apply(ClientChecks.notKilled(state.clientRun));
    }

    @Then("the client exits non-zero within the deadline")
    public void failsInTime() {
        metTheServer();
        state.verdicts.apply(ClientChecks.failedInTime(state.clientRun, false));
    }

    @Then("the client exits non-zero with an error message within the deadline")
    public void failsWithMessage() {
        metTheServer();
        state.verdicts.apply(ClientChecks.failedInTime(state.clientRun, true));
    }

    /** Where a server was there to meet (not in "nothing listens"), the client must have met it. */
    private void metTheServer() {
        if (state.simulator != null || state.udpSimulator != null) {
            state.verdicts.apply(ClientChecks.reachedServer(state.clientRun, served()));
        }
    }

    private Served served() {
        if (state.udpSimulator != null) {
            return new Served(state.udpSimulator.asked(), state.udpSimulator.lastSent());
        }
        return state.simulator == null ? Served.nothing()
                : new Served(state.simulator.connectedWithin(java.time.Duration.ofSeconds(1)), state.simulator.lastSent());
    }
}
