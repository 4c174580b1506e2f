package dev.daytimeharness.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("probe")
class ScenarioResultTest {

    @Test
    void aSkipReasonFromAnywhereIsPrintedEscaped() {
        ScenarioResult r = new ScenarioResult("DT-TCP-001", "name", Status.SKIP, "why\r\u001b[2K", List.of());
        assertThat(r.line()).endsWith(": why\\r\\e[2K").doesNotContain("\u001b");
    }

    @Test
    void theProfilesLinesAreEscaped() {
        assertThat(new Profile(List.of("  reply: \"\u001b]0;owned\u0007\"")).lines())
                .containsExactly("  reply: \"\\e]0;owned\\x07\"");
    }
}
