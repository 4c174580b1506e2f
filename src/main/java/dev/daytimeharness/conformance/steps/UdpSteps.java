package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.client.Datagrams;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.conformance.Probe;
import dev.daytimeharness.conformance.Verdicts;
import dev.daytimeharness.conformance.checks.ExchangeChecks;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;

/** Steps for the UDP daytime service: "a datagram is sent ... an answering datagram is sent". */
public final class UdpSteps {
    private final ScenarioWorld world;
    private Datagrams datagrams;

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
        world.run().target().udpProxy().ifPresent(proxy -> {
            // The harness's own path drops it: a FAIL here would blame the server for Docker.
            throw Verdicts.skip("the datagrams pass " + proxy + ", which does not forward an empty datagram, so the"
                    + " server cannot be asked this way (an engine run with --userland-proxy=false publishes without it)");
        });
        world.exchange(world.run().probe().fetchUdp(udp(), new byte[0]));
    }

    @When("a client sends the datagram {string} and listens for more")
    public void sendsAndListens(String text) {
        datagrams = world.run().probe().askUdp(udp(), text.getBytes(StandardCharsets.US_ASCII), Probe.LISTEN_FOR_MORE);
        world.exchange(datagrams.exchange());
    }

    @Then("a datagram comes back")
    public void datagramBack() {
        world.judge(ExchangeChecks.datagramBack(world.exchange(), world.settings().timeout()));
    }

    @Then("only one datagram comes back for each one sent")
    public void oneForOne() {
        world.judge(ExchangeChecks.datagramBack(world.exchange(), world.settings().timeout()));
        world.judge(ExchangeChecks.noAmplification(datagrams, Probe.LISTEN_FOR_MORE));
    }

    private Endpoint udp() {
        return world.run().target().udp().orElseThrow();
    }
}
