package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.ExchangeChecks;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;

/** Steps for the UDP daytime service: "a datagram is sent ... an answering datagram is sent". */
public final class UdpSteps {
    private final ScenarioWorld world;

    public UdpSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Given("the server under test answers UDP")
    public void answersUdp() {
        if (world.run().claims().disclaims("udp")) {
            throw Verdicts.skip("the profile declares no UDP");
        }
        if (world.run().target().udp().isEmpty()) {
            throw Verdicts.skip("the target has no UDP port to test (give one with --udp-port)");
        }
    }

    @When("a client sends the datagram {string}")
    public void sendsDatagram(String text) {
        world.exchange(world.run().probe().fetchUdp(udp(), text.getBytes(StandardCharsets.US_ASCII)));
    }

    @When("a client sends an empty datagram")
    public void sendsEmpty() {
        world.exchange(world.run().probe().fetchUdp(udp(), new byte[0]));
    }

    @Then("a datagram comes back")
    public void datagramBack() {
        world.judge(ExchangeChecks.datagramBack(world.exchange(), world.settings().timeout()));
    }

    private Endpoint udp() {
        return world.run().target().udp().orElseThrow();
    }
}
