package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.Reading;
import dev.daytimeharness.client.TimeQuery;
import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.FaultChecks;
import dev.daytimeharness.faults.DatagramFault;
import dev.daytimeharness.faults.UdpFaultProxy;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;

/** Steps that put a UDP proxy with a fault between the reference client and the server's UDP service. */
public final class UdpFaultSteps {
    /**
     * What each datagram carries: one line ending, not nothing. RFC 867 takes any datagram, but
     * Docker's userland proxy drops an empty one (DT-UDP-002 says so), and these scenarios are
     * about the network's faults, not about the empty request.
     */
    private static final String REQUEST = "\n";
    private final ScenarioWorld world;
    private UdpFaultProxy proxy;
    private Reading reading;

    public UdpFaultSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("a UDP fault proxy in front of it")
    public void proxyInFront() {
        world.closeAfter(open());
    }

    private UdpFaultProxy open() {
        String upstream = world.run().target().udp().orElseThrow().toString();
        try {
            proxy = UdpFaultProxy.open(world.run().toxiproxy().get(), upstream);
            return proxy;
        } catch (UdpFaultProxy.Unsupported e) {
            throw Verdicts.skip(e.getMessage());
        }
    }

    @Given("the proxy loses every request")
    public void loseAll() {
        proxy.add(new DatagramFault.Loss(1, 0), false);
    }

    @Given("the proxy loses half the requests")
    public void loseHalf() {
        proxy.add(new DatagramFault.Loss(0.5, 0), false);
    }

    @Given("the proxy sends every reply twice")
    public void duplicate() {
        proxy.add(new DatagramFault.Duplicate(1), true);
    }

    @Given("the proxy cuts every reply to {int} bytes")
    public void truncate(int bytes) {
        proxy.add(new DatagramFault.Truncate(bytes), true);
    }

    @Given("a latency of {int} ms on each reply")
    public void latency(int ms) {
        proxy.add(new DatagramFault.Latency(ms, 0), true);
    }

    @When("the reference client asks over UDP with {int} tries of {int} ms")
    public void ask(int tries, int ms) {
        world.run().probe().politeness().await(world.run().target().udp().orElseThrow());
        reading = TimeQuery.overUdp(proxy.endpoint(), Duration.ofMillis((long) tries * ms), tries - 1,
                REQUEST.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                world.settings().zone());
    }

    @Then("the client gets the time over UDP")
    public void succeeds() {
        world.judge(FaultChecks.succeeded(reading));
    }

    @Then("the client gives up within {int} ms and reports {string}")
    public void givesUp(int ms, String words) {
        world.judge(FaultChecks.failedWith(reading, 1, FaultChecks.Reported.byWords(words), false));
        world.judge(FaultChecks.endedWithin(reading, ms));
    }

    @Then("it shows exactly one timestamp")
    public void oneTimestamp() {
        world.judge(FaultChecks.oneLine(reading));
    }

    @Then("the datagram came back at least {int} ms after it was sent")
    public void late(int ms) {
        world.judge(FaultChecks.replyStartsAtLeast(reading, ms));
    }
}
