package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.conformance.RudeClient;
import dev.daytimeharness.conformance.Settings;
import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.ExchangeChecks;
import dev.daytimeharness.conformance.checks.Observation;
import dev.daytimeharness.protocol.Timestamp;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Steps that act as TCP clients of the server under test. */
public final class TcpSteps {
    private static final long FLOOD_BYTES = 8L * 1024 * 1024;
    /** More than the one-second resolution of most formats, so a running clock must show it. */
    private static final Duration APART = Duration.ofMillis(1100);
    private final ScenarioWorld world;
    private Exchange earlier;
    private byte[] sent = new byte[0];
    private List<Exchange> concurrent = List.of();

    public TcpSteps(ScenarioWorld world) {
        this.world = world;
    }

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
        world.exchange(world.run().firstExchange().get());
    }

    @When("a client connects twice, more than a second apart")
    public void twiceApart() throws InterruptedException {
        // The run's first exchange is such a connection (connect, send nothing, read to the close):
        // it is the first of the two, so the scenario waits only for what is left of the gap since
        // its reply came, not a whole second of its own. The server stamped that reply before it
        // arrived, so the two stamps are at least the gap apart.
        earlier = world.run().firstExchange().get();
        Instant since = earlier.receivedAt() != null ? earlier.receivedAt() : Instant.now();
        Duration left = APART.minus(Duration.between(since, Instant.now()));
        if (!left.isNegative() && !left.isZero()) {
            Thread.sleep(left.toMillis() + 1);
        }
        world.exchange(world.run().probe().fetch(tcp(), new byte[0]));
    }

    @When("a client sends {string} and then reads")
    public void sendsFirst(String data) {
        sent = data.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.US_ASCII);
        world.exchange(world.run().probe().fetch(tcp(), sent));
    }

    @Given("a client that resets its connection at once has come and gone")
    public void resettingClient() throws IOException {
        world.closeAfter(RudeClient.resets(tcp(), settings().timeout()));
    }

    @Given("a client that connects and never reads is still connected")
    public void idleClient() throws IOException {
        world.closeAfter(RudeClient.neverReads(tcp(), settings().timeout()));
    }

    @Given("a client that sends 8 MiB without reading is still connected")
    public void floodingClient() throws IOException {
        world.closeAfter(RudeClient.floods(tcp(), FLOOD_BYTES, settings().timeout()));
    }

    @When("another client connects and reads until the server closes")
    public void anotherClient() {
        world.exchange(world.run().probe().fetch(tcp(), new byte[0]));
    }

    @When("many clients connect at once")
    public void manyClients() {
        concurrent = world.run().probe().fetchConcurrently(tcp(), settings().concurrentClients());
    }

    @Then("the connection is accepted within the deadline")
    public void accepted() {
        world.judge(ExchangeChecks.connected(world.exchange(), settings().timeout()));
    }

    @Then("data arrives without the client sending anything")
    public void dataArrives() {
        world.judge(ExchangeChecks.dataArrived(world.exchange(), settings().timeout()));
    }

    @Then("the server closes the connection after the reply")
    public void closes() {
        world.judge(ExchangeChecks.closedAfterReply(world.exchange(), settings().timeout()));
    }

    @Then("the reply is not cut short by a reset")
    public void notReset() {
        world.judge(ExchangeChecks.replyNotCutShort(world.exchange(), settings().timeout()));
    }

    @Then("the server still replies")
    public void stillReplies() {
        world.judge(ExchangeChecks.dataArrived(world.exchange(), settings().timeout()));
        world.judge(ExchangeChecks.closedAfterInput(world.exchange(), settings().timeout()));
    }

    @Then("that client gets a complete reply")
    public void completeReply() {
        world.judge(ExchangeChecks.dataArrived(world.exchange(), settings().timeout()));
        world.judge(ExchangeChecks.closed(world.exchange(), settings().timeout()));
    }

    @Then("the reply does not contain what the client sent")
    public void notEchoed() {
        world.judge(ExchangeChecks.notEchoed(world.exchange(), sent, settings().timeout()));
    }

    @Then("every client gets a complete reply within the deadline")
    public void allServed() {
        world.judge(ExchangeChecks.allServed(concurrent, settings().timeout()));
    }

    @Then("the second timestamp is later than the first")
    public void advances() {
        Timestamp first = ReplySteps.timestamp(Observation.of(earlier, settings().zone()));
        Timestamp second = ReplySteps.timestamp(world.observation());
        world.judge(ExchangeChecks.clockAdvanced(first, second, APART));
    }

    private Endpoint tcp() {
        return world.run().target().tcp();
    }

    private Settings settings() {
        return world.settings();
    }
}
