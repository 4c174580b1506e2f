package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.ClientOptions;
import dev.daytimeharness.client.Reading;
import dev.daytimeharness.client.TimeQuery;
import dev.daytimeharness.conformance.checks.FaultChecks;
import dev.daytimeharness.faults.Fault;
import dev.daytimeharness.faults.FaultProxy;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;

/** Steps that put a Toxiproxy fault between the reference client and the server under test. */
public final class FaultSteps {
    private final ScenarioWorld world;
    private FaultProxy proxy;
    private Reading reading;

    public FaultSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("a fault proxy in front of it")
    public void proxyInFront() {
        proxy = world.closeAfter(FaultProxy.open(world.run().toxiproxy().get(), world.run().target().upstreamForProxies()));
    }

    @Given("a latency of {int} ms on replies")
    public void latency(int ms) {
        proxy.add(new Fault.Latency(ms, 0), true);
    }

    @Given("replies cut into {int}-byte slices")
    public void slices(int bytes) {
        proxy.add(new Fault.Slicer(bytes, 0, 2_000), true);
    }

    @Given("the proxy resets the connection")
    public void reset() {
        proxy.add(new Fault.ResetPeer(0), true);
    }

    @Given("the proxy drops replies and holds the close for {int} ms")
    public void dropAndHoldClose(int ms) {
        // Toxiproxy's timeout toxic drops the data but passes on the server's close at once; the
        // slow_close after it holds that close back. Both servers then deliver nothing at all.
        proxy.add(new Fault.Timeout(0), true);
        proxy.add(new Fault.SlowClose(ms), true);
    }

    @Given("the proxy cuts replies after {int} bytes")
    public void limit(int bytes) {
        proxy.add(new Fault.LimitData(bytes), true);
    }

    @Given("a bandwidth of {int} KB\\/s on replies")
    public void bandwidth(int rate) {
        proxy.add(new Fault.Bandwidth(rate), true);
    }

    @Given("the proxy delays the close by {int} ms")
    public void slowClose(int ms) {
        proxy.add(new Fault.SlowClose(ms), true);
    }

    @Given("the proxy is disabled")
    public void disabled() {
        proxy.disable();
    }

    @Given("a latency of {int} ms and 1-byte slices on what the client sends")
    public void upstreamFaults(int ms) {
        proxy.add(new Fault.Latency(ms, 0), false);
        proxy.add(new Fault.Slicer(1, 0, 1_000), false);
    }

    @When("the reference client fetches the time through the proxy")
    public void fetch() {
        fetchWithin((int) world.settings().timeout().toMillis());
    }

    @When("the reference client fetches the time through the proxy within {int} ms")
    public void fetchWithin(int ms) {
        world.run().probe().politeness().await(world.run().target().tcp());
        Duration deadline = Duration.ofMillis(ms);
        reading = TimeQuery.overTcp(proxy.endpoint(),
                new ClientOptions(deadline, deadline, ClientOptions.DEFAULT_MAX_BYTES, new byte[0]), world.settings().zone());
    }

    @Then("the client succeeds")
    public void succeeds() {
        world.judge(FaultChecks.succeeded(reading));
    }

    @Then("the client fails with exit code {int} and reports {string}")
    public void fails(int code, String words) {
        world.judge(FaultChecks.failedWith(reading, code, FaultChecks.Reported.byWords(words),
                world.run().toxiproxy().get().plan().hidesResets()));
    }

    @Then("the reply starts at least {int} ms after connecting")
    public void startsLate(int ms) {
        world.judge(FaultChecks.replyStartsAtLeast(reading, ms));
    }

    @Then("the clock-offset uncertainty is at least {int} ms")
    public void uncertainty(int ms) {
        world.judge(FaultChecks.uncertaintyAtLeast(reading, ms));
    }

    @Then("the connection closes at least {int} ms after connecting")
    public void closesLate(int ms) {
        world.judge(FaultChecks.closesAtLeast(reading, ms));
    }

    @Then("the client gets the reply within {int} ms")
    public void startsEarly(int ms) {
        world.judge(FaultChecks.replyStartsWithin(reading, ms));
    }

    @Then("the whole line arrived in more than one read")
    public void manyReads() {
        world.judge(FaultChecks.wholeInManyReads(reading));
    }
}
