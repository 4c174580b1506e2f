package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.conformance.RudeClient;
import dev.daytimeharness.conformance.Settings;
import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.ExchangeChecks;
import dev.daytimeharness.protocol.Timestamp;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Steps that act as TCP clients of the server under test. */
public final class TcpSteps {
    private static final long FLOOD_BYTES = 8L * 1024 * 1024;
    /** More than the one-second resolution of most formats, so a running clock must show it. */
    private static final Duration APART = Duration.ofMillis(1100);
    private final ScenarioState state = ScenarioState.current();

    @Given("the daytime server under test")
    public void serverUnderTest() {
        // The run has started or located the target already; nothing more to set up.
    }

    @Given("the server under test may be loaded")
    public void mayBeLoaded() {
        Endpoint tcp = tcp();
        if (!tcp.isLoopback() && !settings().allowLoad()) {
            throw Verdicts.skip("this check loads " + tcp.host() + ", a host we may not own; add --allow-load to run it");
        }
    }

    @When("a client connects and reads until the server closes")
    public void plainExchange() {
        state.exchange = state.run.firstExchange();
    }

    @When("a client connects twice, more than a second apart")
    public void twiceApart() throws InterruptedException {
        state.earlier = state.run.probe().fetch(tcp(), new byte[0]);
        Thread.sleep(APART.toMillis());
        state.exchange = state.run.probe().fetch(tcp(), new byte[0]);
    }

    @When("a client sends {string} and then reads")
    public void sendsFirst(String data) {
        state.sent = data.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
        state.exchange = state.run.probe().fetch(tcp(), state.sent);
    }

    @Given("a client that resets its connection at once has come and gone")
    public void resettingClient() throws IOException {
        state.closeAfter.add(RudeClient.resets(tcp(), settings().timeout()));
    }

    @Given("a client that connects and never reads is still connected")
    public void idleClient() throws IOException {
        state.closeAfter.add(RudeClient.neverReads(tcp(), settings().timeout()));
    }

    @Given("a client that sends 8 MiB without reading is still connected")
    public void floodingClient() throws IOException {
        state.closeAfter.add(RudeClient.floods(tcp(), FLOOD_BYTES, settings().timeout()));
    }

    @When("another client connects and reads until the server closes")
    public void anotherClient() {
        state.exchange = state.run.probe().fetch(tcp(), new byte[0]);
    }

    @When("many clients connect at once")
    public void manyClients() {
        state.concurrent = state.run.probe().fetchConcurrently(tcp(), settings().concurrentClients());
    }

    @Then("the connection is accepted within the deadline")
    public void accepted() {
        state.verdicts.apply(ExchangeChecks.connected(state.exchange, settings().timeout()));
    }

    @Then("data arrives without the client sending anything")
    public void dataArrives() {
        state.verdicts.apply(ExchangeChecks.dataArrived(state.exchange, settings().timeout()));
    }

    @Then("the server closes the connection after the reply")
    public void closes() {
        state.verdicts.apply(ExchangeChecks.closedAfterReply(state.exchange, settings().timeout()));
    }

    @Then("the reply is not cut short by a reset")
    public void notReset() {
        state.verdicts.apply(ExchangeChecks.replyNotCutShort(state.exchange, settings().timeout()));
    }

    @Then("the server still replies")
    public void stillReplies() {
        state.verdicts.apply(ExchangeChecks.dataArrived(state.exchange, settings().timeout()));
        state.verdicts.apply(ExchangeChecks.closedAfterInput(state.exchange, settings().timeout()));
    }

    @Then("that client gets a complete reply")
    public void completeReply() {
        state.verdicts.apply(ExchangeChecks.dataArrived(state.exchange, settings().timeout()));
        state.verdicts.apply(ExchangeChecks.closed(state.exchange, settings().timeout()));
    }

    @Then("the reply does not contain what the client sent")
    public void notEchoed() {
        state.verdicts.apply(ExchangeChecks.notEchoed(state.exchange, state.sent, settings().timeout()));
    }

    @Then("every client gets a complete reply within the deadline")
    public void allServed() {
        state.verdicts.apply(ExchangeChecks.allServed(state.concurrent, settings().timeout()));
    }

    @Then("the second timestamp is later than the first")
    public void advances() {
        Timestamp first = ReplySteps.timestamp(dev.daytimeharness.conformance.checks.Observation.of(state.earlier, settings().zone()));
        Timestamp second = ReplySteps.timestamp(state.observation());
        if (!second.instant().isAfter(first.instant())) {
            state.verdicts.apply(dev.daytimeharness.conformance.Finding.error("the clock did not advance: a reply "
                    + APART.toMillis() + " ms later still says " + second.instant()));
        }
    }

    private Endpoint tcp() {
        return state.run.target().tcp();
    }

    private Settings settings() {
        return state.run.settings();
    }
}
