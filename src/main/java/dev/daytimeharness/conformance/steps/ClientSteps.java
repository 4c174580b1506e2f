package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.ClosedPort;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.ClientChecks;
import dev.daytimeharness.conformance.clients.ClientRun;
import dev.daytimeharness.conformance.checks.Served;
import dev.daytimeharness.faults.DatagramFault;
import dev.daytimeharness.faults.Fault;
import dev.daytimeharness.faults.FaultProxy;
import dev.daytimeharness.faults.UdpFaultProxy;
import dev.daytimeharness.simulator.Behaviours;
import dev.daytimeharness.simulator.SimulatedServer;
import dev.daytimeharness.simulator.UdpSimulatedServer;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** Steps that serve a client under test a server behaviour, good or bad, and judge how it copes. */
public final class ClientSteps {
    private final ScenarioWorld world;
    private SimulatedServer simulator;
    private UdpSimulatedServer udpSimulator;
    private Endpoint server;
    private ClientRun clientRun;
    private boolean udp;

    public ClientSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("the client under test")
    public void clientUnderTest() {
        // The run knows the client; nothing to set up per scenario.
    }

    @Given("a server that behaves {string}")
    public void serverBehaves(String behaviour) {
        try {
            simulator = SimulatedServer.start(Behaviours.byName(behaviour), new InetSocketAddress("127.0.0.1", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        world.closeAfter(simulator);
        server = simulator.endpoint();
    }

    @Given("no server listening")
    public void nothingListens() {
        server = new Endpoint("127.0.0.1", ClosedPort.pick());
    }

    @Given("a good server behind a latency of {int} ms")
    public void behindLatency(int ms) {
        behindFault(new Fault.Latency(ms, 0));
    }

    @Given("a good server behind a bandwidth of {int} KB\\/s")
    public void behindBandwidth(int rate) {
        behindFault(new Fault.Bandwidth(rate));
    }

    private void behindFault(Fault fault) {
        serverBehaves("good");
        FaultProxy proxy = world.closeAfter(FaultProxy.open(world.run().toxiproxy().get(), simulator.endpoint().toString()));
        proxy.add(fault, true);
        server = proxy.endpoint();
    }

    @Given("the client under test speaks UDP")
    public void speaksUdp() {
        if (world.run().claims().disclaims("udp")) {
            throw Verdicts.skip("the profile declares no UDP");
        }
        if (!world.run().client().speaksUdp()) {
            throw Verdicts.skip("the client under test is checked as a TCP client"
                    + " (check-client --udp checks a UDP client)");
        }
        udp = true;
    }

    @Given("a UDP server that answers")
    public void udpAnswers() throws IOException {
        udpServer(true);
    }

    @Given("a UDP server that never answers")
    public void udpSilent() throws IOException {
        udpServer(false);
    }

    @Given("a UDP server whose first request is lost")
    public void udpLosesFirst() throws IOException {
        udpSimulator = world.closeAfter(UdpSimulatedServer.start(1, true, java.time.Instant.now(),
                new InetSocketAddress("127.0.0.1", 0)));
        server = udpSimulator.endpoint();
    }

    @Given("a UDP server behind a proxy that loses every reply")
    public void udpAllLost() throws IOException {
        behindDatagramFault(new DatagramFault.Loss(1, 0));
    }

    @Given("a UDP server behind a proxy that sends every reply twice")
    public void udpTwice() throws IOException {
        behindDatagramFault(new DatagramFault.Duplicate(1));
    }

    @Given("a UDP server behind a latency of {int} ms")
    public void udpLatency(int ms) throws IOException {
        behindDatagramFault(new DatagramFault.Latency(ms, 0));
    }

    @Given("a UDP server behind a proxy that cuts every reply to {int} bytes")
    public void udpTruncated(int bytes) throws IOException {
        behindDatagramFault(new DatagramFault.Truncate(bytes));
    }

    private void behindDatagramFault(DatagramFault fault) throws IOException {
        udpServer(true);
        UdpFaultProxy proxy;
        try {
            proxy = world.closeAfter(UdpFaultProxy.open(world.run().toxiproxy().get(), udpSimulator.endpoint().toString()));
        } catch (UdpFaultProxy.Unsupported e) {
            throw Verdicts.skip(e.getMessage());
        }
        proxy.add(fault, true);
        server = proxy.endpoint();
    }

    private void udpServer(boolean answers) throws IOException {
        udpSimulator = world.closeAfter(UdpSimulatedServer.start(answers ? 1 : 0, false, java.time.Instant.now(),
                new InetSocketAddress("127.0.0.1", 0)));
        server = udpSimulator.endpoint();
    }

    @When("the client runs against it")
    public void clientRuns() {
        var client = udp ? world.run().client().client().overUdp() : world.run().client().client();
        clientRun = client.run(server, world.run().client().deadline());
    }

    @Then("the client exits 0 and prints the served timestamp")
    public void printsTimestamp() {
        world.judge(ClientChecks.printedWhole(clientRun, served(), false));
    }

    @Then("the client prints the timestamp exactly once")
    public void printsOnce() {
        world.judge(ClientChecks.printedOnce(clientRun, served()));
    }

    @Then("the client prints the timestamp unmangled")
    public void printsUnmangled() {
        world.judge(ClientChecks.printedWhole(clientRun, served(), true));
    }

    @Then("the client prints the whole reply or fails cleanly")
    public void wholeOrClean() {
        world.judge(ClientChecks.wholeOrCleanFailure(clientRun, served()));
    }

    @Then("the client returns the line or fails, without hanging")
    public void lineOrTimeout() {
        world.judge(ClientChecks.lineOrTimeout(clientRun, served()));
    }

    @Then("the client stops by itself within the deadline")
    public void stopsInTime() {
        metTheServer();
        world.judge(ClientChecks.notKilled(clientRun));
    }

    @Then("the client exits non-zero within the deadline")
    public void failsInTime() {
        metTheServer();
        world.judge(ClientChecks.failedInTime(clientRun, false));
    }

    @Then("the client exits non-zero with an error message within the deadline")
    public void failsWithMessage() {
        metTheServer();
        world.judge(ClientChecks.failedInTime(clientRun, true));
    }

    /** Where a server was there to meet (not in "nothing listens"), the client must have met it. */
    private void metTheServer() {
        if (simulator != null || udpSimulator != null) {
            world.judge(ClientChecks.reachedServer(clientRun, served()));
        }
    }

    private Served served() {
        if (udpSimulator != null) {
            return new Served(udpSimulator.asked(), udpSimulator.lastSent());
        }
        return simulator == null ? Served.nothing()
                : new Served(simulator.connectedWithin(java.time.Duration.ofSeconds(1)), simulator.lastSent());
    }
}
