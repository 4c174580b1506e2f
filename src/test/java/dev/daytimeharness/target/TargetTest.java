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
}
