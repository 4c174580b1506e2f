package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.Verdicts;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;

/** Steps for the UDP daytime service: "a datagram is sent ... an answering datagram is sent". */
public final class UdpSteps {
    private final ScenarioState state = ScenarioState.current();

    @Given("the server under test answers UDP")
    public void answersUdp() {
        if (state.run.target().udp().isEmpty()) {
            throw Verdicts.skip("the target has no UDP port to test (give one with --udp-port)");
        }
    }

    @When("a client sends the datagram {string}")
    public void sendsDatagram(String text) {
        state.exchange = state.run.probe().fetchUdp(udp(), text.getBytes(StandardCharsets.US_ASCII));
    }

    @When("a client sends an empty datagram")
    public void sendsEmpty() {
        state.exchange = state.run.probe().fetchUdp(udp(), new byte[0]);
    }

    @Then("a datagram comes back")
    public void datagramBack() {
        if (state.exchange.outcome() != Outcome.CLOSED) {
            state.verdicts.apply(Finding.error("no datagram came back from " + udp() + " within "
                    + state.run.settings().timeout().toMillis() + " ms"
                    + (state.exchange.detail().isEmpty() ? "" : ": " + state.exchange.detail())));
        }
    }

    private Endpoint udp() {
        return state.run.target().udp().orElseThrow();
    }
}
