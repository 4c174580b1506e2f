package dev.daytimeharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.target.RunningTarget;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobsTest {
    private static final RunningTarget.Stopper NOTHING = () -> { };

    @Test
    void aTargetOnThisMachineGetsTheJobsAskedFor() {
        RunningTarget local = new RunningTarget("local", new Endpoint("127.0.0.1", 1313),
                Optional.of(new Endpoint("127.0.0.1", 1313)), NOTHING);
        assertThat(Jobs.effective(8, local)).isEqualTo(8);
        assertThat(Jobs.effective(1, local)).isEqualTo(1);
    }

    @Test
    void aHostOffThisMachineGetsOneScenarioAtATime() {
        RunningTarget remote = new RunningTarget("remote", new Endpoint("time.nist.gov", 13), Optional.empty(), NOTHING);
        assertThat(Jobs.effective(8, remote)).isEqualTo(1);
    }

    @Test
    void aRemoteUdpServiceIsEnoughToStaySerial() {
        RunningTarget mixed = new RunningTarget("mixed", new Endpoint("127.0.0.1", 1313),
                Optional.of(new Endpoint("192.0.2.7", 13)), NOTHING);
        assertThat(Jobs.effective(8, mixed)).isEqualTo(1);
    }
}
