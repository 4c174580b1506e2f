package dev.daytimeharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScenarioIndexTest {
    @Test
    void knowsEveryPackagedScenarioWithItsFeatureTitleAndLevel() {
        ScenarioIndex index = ScenarioIndex.packaged();
        assertThat(index.find("DT-TCP-010")).get().satisfies(s -> {
            assertThat(s.level()).isEqualTo("should");
            assertThat(s.name()).isEqualTo("The reply ends with CR LF");
            assertThat(s.feature()).isNotBlank().doesNotContain("classpath:").doesNotContain(".feature");
        });
        assertThat(index.find("DT-TCP-041")).get().extracting(ScenarioIndex.Scenario::level).isEqualTo("compat");
        assertThat(index.contains("DT-CLI-001")).isTrue();
        assertThat(index.contains("DT-FLT-009")).isTrue();
        assertThat(index.all()).hasSizeGreaterThan(40);
        assertThat(index.contains("DT-TCP-999")).isFalse();
    }
}
