package dev.daytimeharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daytimeharness.conformance.report.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectedFailuresTest {
    private static final ScenarioIndex INDEX = ScenarioIndex.packaged();

    private static ExpectedFailures parse(String... lines) {
        return ExpectedFailures.parse("known.txt", List.of(lines), INDEX);
    }

    @Test
    void readsIdsFlakyMarksAndCommentsAndIgnoresBlankLines() {
        ExpectedFailures list = parse("# accepted for release 2.3", "", "DT-TCP-010", "  DT-TCP-041 flaky  # sometimes one read",
                "DT-CLI-005   ");
        assertThat(list.listed()).containsOnlyKeys("DT-TCP-010", "DT-TCP-041", "DT-CLI-005");
        assertThat(list.flaky("DT-TCP-041")).contains(true);
        assertThat(list.flaky("DT-TCP-010")).contains(false);
    }

    @Test
    void anUnknownIdIsRefusedNamingTheFileAndLine() {
        assertThatThrownBy(() -> parse("DT-TCP-010", "# typo below", "DT-TCP-999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("known.txt:3: unknown scenario ID 'DT-TCP-999'");
    }

    @Test
    void aWordOtherThanFlakyAfterTheIdIsRefused() {
        assertThatThrownBy(() -> parse("DT-TCP-010 sometimes")).hasMessageStartingWith("known.txt:1: expected 'ID' or 'ID flaky'");
        assertThatThrownBy(() -> parse("DT-TCP-010", "DT-TCP-010")).hasMessage("known.txt:2: DT-TCP-010 is listed twice");
    }

    @Test
    void aListedFailureIsXfailAndAListedPassIsXpassThatNamesTheFile() {
        ExpectedFailures list = parse("DT-TCP-010");
        assertThat(list.judge("DT-TCP-010", Status.FAIL, "the reply ends with LF").status()).isEqualTo(Status.XFAIL);
        ExpectedFailures.Verdict pass = list.judge("DT-TCP-010", Status.PASS, "");
        assertThat(pass.status()).isEqualTo(Status.XPASS);
        assertThat(pass.finding()).endsWith("(remove it from known.txt)");
        assertThat(list.judge("DT-TCP-010", Status.WARN, "LF").status()).isEqualTo(Status.XPASS);
        assertThat(list.judge("DT-TCP-010", Status.SKIP, "no UDP").status()).isEqualTo(Status.SKIP);
        assertThat(list.judge("DT-TCP-001", Status.FAIL, "refused").status()).isEqualTo(Status.FAIL);
    }

    @Test
    void aFlakyOneAcceptsEitherOutcome() {
        ExpectedFailures list = parse("DT-TCP-041 flaky");
        assertThat(list.judge("DT-TCP-041", Status.FAIL, "two reads").status()).isEqualTo(Status.XFAIL);
        assertThat(list.judge("DT-TCP-041", Status.PASS, "").status()).isEqualTo(Status.PASS);
        assertThat(Status.XFAIL.failsRun()).isFalse();
        assertThat(Status.XPASS.failsRun()).isTrue();
    }
}
