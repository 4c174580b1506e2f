package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.ReferenceClientRun;
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
    private ReferenceClientRun client;

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
    public void bandwidth(int kbps) {
        proxy.add(new Fault.Bandwidth(kbps), true);
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
        client = ReferenceClientRun.get(proxy.endpoint(), Duration.ofMillis(ms));
    }

    @Then("the client succeeds")
    public void succeeds() {
        if (client.exitCode() != 0) {
            world.judge(Finding.error("the reference client failed through the fault (exit "
                    + client.exitCode() + "): " + client.err()));
        }
        if (!client.json().map(j -> j.has("format")).orElse(false)) {
            world.judge(Finding.error("the reply through the fault holds no recognisable time"));
        }
    }

    @Then("the client fails with exit code {int} and reports {string}")
    public void fails(int code, String words) {
        boolean sawClose = client.err().contains("closed the connection without sending");
        if (client.exitCode() == code && sawClose && world.run().toxiproxy().get().plan().hidesResets()
                && (words.contains("reset") || words.contains("refused"))) {
            world.judge(Finding.warning("the client saw a plain close, not \"" + words + "\": Docker's port"
                    + " proxy in front of the Toxiproxy container turns resets and refusals into closes"));
            return;
        }
        if (client.exitCode() != code || !client.err().contains(words)) {
            world.judge(Finding.error("expected exit " + code + " and \"" + words + "\", got exit "
                    + client.exitCode() + " and \"" + client.err() + "\""));
        }
    }

    @Then("the reply starts at least {int} ms after connecting")
    public void startsLate(int ms) {
        atLeast(client.exact("firstByteSinceConnectingMillis"), ms, "the reply started");
    }

    @Then("the clock-offset uncertainty is at least {int} ms")
    public void uncertainty(int ms) {
        atLeast(client.exact("uncertaintySeconds") * 1000, ms, "the clock-offset uncertainty was");
    }

    @Then("the connection closes at least {int} ms after connecting")
    public void closesLate(int ms) {
        atLeast(client.exact("endSinceConnectingMillis"), ms, "the connection closed");
    }

    @Then("the client gets the reply within {int} ms")
    public void startsEarly(int ms) {
        long v = client.number("firstByteMillis");
        if (v < 0 || v > ms) {
            world.judge(Finding.error("the reply started after " + v + " ms, not within " + ms + " ms"));
        }
    }

    @Then("the whole line arrived in more than one read")
    public void manyReads() {
        succeeds();
        if (client.number("reads") <= 1) {
            world.judge(Finding.error("the reply arrived in " + client.number("reads")
                    + " read(s); the slicer should have split it"));
        }
    }

    /**
     * A toxic's timer (latency, slow_close) starts when the proxy reads from the server, which is
     * after the client began to connect, and neither Go's timers nor the embedded proxy's fire
     * early: so measured from the connect call the figure is at least the toxic's, less the
     * clock's resolution. (Measured from when connect() returned, it is not: that return can come
     * a few milliseconds after the proxy has already read the reply.)
     */
    private void atLeast(double measured, int ms, String what) {
        if (Double.isNaN(measured) || measured < ms - CLOCK_RESOLUTION_MS) {
            world.judge(Finding.error(String.format(java.util.Locale.ROOT,
                    "%s %.3f ms after the client began to connect, expected at least %d ms", what, measured, ms)));
        }
    }

    /** System.nanoTime counts in nanoseconds but is read to the microsecond here: 1 ms is ample. */
    private static final double CLOCK_RESOLUTION_MS = 1.0;
}
