package dev.daytimeharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("probe")
class FindingTest {

    @Test
    void aFindingQuotingAnEscapeSequenceHoldsItEscaped() {
        Finding f = Finding.error("the client printed \"\u001b[32mPASS\u0007\0\"");
        assertThat(f.message()).isEqualTo("the client printed \"\\e[32mPASS\\x07\\0\"");
    }
}
