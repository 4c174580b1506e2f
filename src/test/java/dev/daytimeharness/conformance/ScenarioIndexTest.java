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

    @Test
    void anOutlinesExamplesAreScenariosNamedAsCucumberNamesThem() {
        ScenarioIndex index = ScenarioIndex.packaged();
        assertThat(index.find("DT-CLI-014")).get().satisfies(s -> {
            assertThat(s.name()).isEqualTo("NIST's format: the client prints the timestamp unmangled");
            assertThat(s.level()).isEqualTo("should");
        });
        assertThat(index.find("DT-CLI-008")).get().extracting(ScenarioIndex.Scenario::name)
                .isEqualTo("A close without data: the client fails");
        for (int i = 1; i <= 16; i++) {
            assertThat(index.contains(String.format(java.util.Locale.ROOT, "DT-CLI-%03d", i))).as("DT-CLI-%03d", i).isTrue();
        }
    }

    @Test
    void readsTagsFromTheOutlineAndItsExamples() {
        String text = """
                @client
                Feature: F
                  @must
                  Scenario Outline: <who> says <what>
                    Given x

                    @DT-X-001
                    Examples:
                      | who | what  |
                      | a   | hello |

                    @DT-X-002 @should
                    Examples:
                      | who | what |
                      | b   | bye  |

                  @DT-X-003 @compat
                  Scenario: plain
                    Given y
                """;
        assertThat(ScenarioIndex.read(text)).containsExactly(
                new ScenarioIndex.Scenario("DT-X-001", "a says hello", "F", "must"),
                new ScenarioIndex.Scenario("DT-X-002", "b says bye", "F", "should"),
                new ScenarioIndex.Scenario("DT-X-003", "plain", "F", "compat"));
    }
}
