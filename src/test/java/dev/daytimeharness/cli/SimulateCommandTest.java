package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A setting the chosen behaviour would ignore is refused, not silently dropped. */
class SimulateCommandTest {

    @ParameterizedTest
    @CsvSource({
            "--behaviour good --format nist, --format only changes --behaviour format, not good",
            "--behaviour format --skew 2h, --skew only changes --behaviour skewed, not format",
            "--behaviour nosuch, unknown behaviour 'nosuch'"})
    void aSettingTheBehaviourIgnoresIsAUsageError(String args, String message) {
        CliRun run = CliRun.of(("simulate --port 0 " + args).split(" "));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
    }
}
