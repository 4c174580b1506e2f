package dev.daytimeharness.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void readsADockerImageWithItsTagOrRegistryPort() {
        assertThat(Target.parse("docker:daytime-harness/xinetd:local", "")).isInstanceOf(Target.Docker.class)
                .extracting(t -> ((Target.Docker) t).image()).isEqualTo("daytime-harness/xinetd:local");
        assertThat(Target.parse("docker:registry.example:5000/team/daytime", "")).isInstanceOf(Target.Docker.class);
    }

    @Test
    void aMisspelledImageIsRefusedBeforeTheEngineIsAsked() {
        assertThatThrownBy(() -> Target.parse("docker:Bad Image", "")).hasMessageContaining("not a Docker image name");
        assertThatThrownBy(() -> Target.parse("docker:Daytime/Server:local", "")).hasMessageContaining("lowercase");
        assertThatThrownBy(() -> Target.parse("docker:", "")).hasMessageContaining("needs an image");
    }

    @Test
    void theUdpTargetOfAnIpv6LiteralKeepsItsBrackets() {
        assertThat(Target.udpTarget("[::1]:1313", 45678)).isEqualTo("[::1]:45678");
        Target t = Target.parse("[::1]:1313", Target.udpTarget("[::1]:1313", 45678));
        assertThat(((Target.Remote) t).udp()).hasValueSatisfying(u -> {
            assertThat(u.host()).isEqualTo("::1");
            assertThat(u.port()).isEqualTo(45678);
        });
        assertThat(Target.udpTarget("127.0.0.1:1313", 13)).isEqualTo("127.0.0.1:13");
        assertThat(Target.udpTarget("docker:daytime-harness/xinetd:local", 13)).isEqualTo("container:13");
    }
}
