package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.conformance.DeclaredProfile;
import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.ExchangeChecks;
import dev.daytimeharness.conformance.checks.Observation;
import dev.daytimeharness.conformance.checks.ReplyChecks;
import dev.daytimeharness.protocol.ClockOffset;
import dev.daytimeharness.protocol.Timestamp;
import io.cucumber.java.en.Then;

/** Then-steps about the content of the reply, over TCP or UDP alike. */
public final class ReplySteps {
    private final ScenarioWorld world;

    public ReplySteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("the reply is ASCII")
    public void ascii() {
        Observation o = world.observation();
        world.judge(ReplyChecks.ascii(o.facts(), o.exchange().reply()));
    }

    @Then("the reply is not empty")
    public void notEmpty() {
        world.judge(ReplyChecks.notEmpty(world.observation().facts()));
    }

    @Then("the timestamp's format is recognised")
    public void formatRecognised() {
        world.judge(ReplyChecks.formatRecognised(world.observation().facts()));
        world.run().claims().profile().flatMap(DeclaredProfile::format)
                .ifPresent(declared -> world.judge(ReplyChecks.formatAsDeclared(world.observation().facts(), declared)));
    }

    @Then("the timestamp names its time zone")
    public void zoneStated() {
        world.judge(ReplyChecks.zoneStated(timestamp(world.observation())));
    }

    @Then("the server's clock agrees with ours within the tolerance")
    public void clockWithin() {
        Observation o = world.observation();
        Timestamp t = timestamp(o);
        ClockOffset offset = ClockOffset.measure(t, o.exchange().requestedAt(), o.exchange().receivedAt());
        world.judge(ReplyChecks.clockWithin(t, offset, world.settings().skew()));
    }

    @Then("the reply is a single line")
    public void singleLine() {
        world.judge(ReplyChecks.singleLine(world.observation().facts()));
    }

    @Then("the reply holds no control characters")
    public void noControl() {
        world.judge(ReplyChecks.noControlCharacters(world.observation().facts()));
    }

    @Then("the reply ends with CR LF")
    public void crlf() {
        world.run().claims().profile().flatMap(DeclaredProfile::lineEnding)
                .ifPresent(declared -> world.judge(ReplyChecks.lineEndingAsDeclared(world.observation(), declared)));
        world.judge(ReplyChecks.endsWithCrLf(world.observation()));
    }

    @Then("the reply fits the read buffer")
    public void fitsBuffer() {
        world.judge(ReplyChecks.fitsBuffer(world.observation(), world.settings().maxReply()));
    }

    @Then("the reply arrives in a single read")
    public void oneRead() {
        world.judge(ExchangeChecks.oneRead(world.exchange(), world.settings().timeout()));
    }

    @Then("the reply starts within 500 ms")
    public void prompt() {
        world.judge(ExchangeChecks.prompt(world.exchange(), world.settings().timeout()));
    }

    static Timestamp timestamp(Observation o) {
        return o.facts().timestamp().orElseThrow(() -> Verdicts.skip(
                "no timestamp to check: the reply's format is unrecognised (see the format check)"));
    }
}
