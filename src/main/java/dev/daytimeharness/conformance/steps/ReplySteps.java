package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.ExchangeChecks;
import dev.daytimeharness.conformance.checks.Observation;
import dev.daytimeharness.conformance.checks.ReplyChecks;
import dev.daytimeharness.protocol.ClockOffset;
import dev.daytimeharness.protocol.Timestamp;
import io.cucumber.java.en.Then;

/** Then-steps about the content of the reply, over TCP or UDP alike. */
public final class ReplySteps {
    private final ScenarioState state = ScenarioState.current();

    @Then("the reply is ASCII")
    public void ascii() {
        Observation o = state.observation();
        state.verdicts.apply(ReplyChecks.ascii(o.facts(), o.exchange().reply()));
    }

    @Then("the reply is not empty")
    public void notEmpty() {
        state.verdicts.apply(ReplyChecks.notEmpty(state.observation().facts()));
    }

    @Then("the timestamp's format is recognised")
    public void formatRecognised() {
        state.verdicts.apply(ReplyChecks.formatRecognised(state.observation().facts()));
    }

    @Then("the timestamp names its time zone")
    public void zoneStated() {
        state.verdicts.apply(ReplyChecks.zoneStated(timestamp(state.observation())));
    }

    @Then("the server's clock agrees with ours within the tolerance")
    public void clockWithin() {
        Observation o = state.observation();
        ClockOffset offset = ClockOffset.measure(timestamp(o), o.exchange().requestedAt(), o.exchange().receivedAt());
        state.verdicts.apply(ReplyChecks.clockWithin(offset, state.run.settings().skew()));
    }

    @Then("the reply is a single line")
    public void singleLine() {
        state.verdicts.apply(ReplyChecks.singleLine(state.observation().facts()));
    }

    @Then("the reply holds no control characters")
    public void noControl() {
        state.verdicts.apply(ReplyChecks.noControlCharacters(state.observation().facts()));
    }

    @Then("the reply ends with CR LF")
    public void crlf() {
        state.verdicts.apply(ReplyChecks.endsWithCrLf(state.observation().facts()));
    }

    @Then("the reply fits the read buffer")
    public void fitsBuffer() {
        state.verdicts.apply(ReplyChecks.fitsBuffer(state.observation().facts(), state.run.settings().maxReply()));
    }

    @Then("the reply arrives in a single read")
    public void oneRead() {
        state.verdicts.apply(ExchangeChecks.oneRead(state.exchange, state.run.settings().timeout()));
    }

    @Then("the reply starts within 500 ms")
    public void prompt() {
        state.verdicts.apply(ExchangeChecks.prompt(state.exchange, state.run.settings().timeout()));
    }

    static Timestamp timestamp(Observation o) {
        return o.facts().timestamp().orElseThrow(() -> Verdicts.skip(
                "no timestamp to check: the reply's format is unrecognised (see the format check)"));
    }
}
