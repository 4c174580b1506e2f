package dev.daytimeharness.conformance.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.conformance.results.ResultsDiff.Change;
import dev.daytimeharness.conformance.results.ResultsDiff.Kind;
import org.junit.jupiter.api.Test;

class ResultsDiffTest {
    private static final RunResults OLD = Runs.of("h:13", "DT-TCP-001 PASS", "DT-TCP-002 WARN slow", "DT-TCP-003 FAIL bytes",
            "DT-TCP-004 PASS", "DT-TCP-005 WARN format unrecognised: \"x\"", "DT-TCP-006 PASS");

    @Test
    void passOrWarnToFailIsNewlyFailingAndWorse() {
        RunResults now = Runs.of("h:13", "DT-TCP-001 FAIL refused", "DT-TCP-002 FAIL reset", "DT-TCP-003 FAIL bytes",
                "DT-TCP-004 PASS", "DT-TCP-005 WARN format unrecognised: \"x\"", "DT-TCP-006 PASS");
        ResultsDiff diff = ResultsDiff.between(OLD, now, false);
        assertThat(diff.changes()).extracting(Change::id, Change::kind, Change::worse).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DT-TCP-001", Kind.NEWLY_FAILING, true),
                org.assertj.core.groups.Tuple.tuple("DT-TCP-002", Kind.NEWLY_FAILING, true));
        assertThat(diff.worse()).isTrue();
    }

    @Test
    void aFixIsNotWorseAndAFindingChangeIsShown() {
        RunResults now = Runs.of("h:13", "DT-TCP-001 PASS", "DT-TCP-002 WARN slow", "DT-TCP-003 PASS",
                "DT-TCP-004 PASS", "DT-TCP-005 WARN format unrecognised: \"y\"", "DT-TCP-006 SKIP no timestamp");
        ResultsDiff diff = ResultsDiff.between(OLD, now, true);
        assertThat(diff.changes()).extracting(Change::id, Change::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DT-TCP-003", Kind.FIXED),
                org.assertj.core.groups.Tuple.tuple("DT-TCP-005", Kind.FINDING),
                org.assertj.core.groups.Tuple.tuple("DT-TCP-006", Kind.STATUS));
        assertThat(diff.worse()).isFalse();
    }

    @Test
    void passToWarnIsWorseOnlyUnderStrict() {
        RunResults now = Runs.of("h:13", "DT-TCP-001 PASS", "DT-TCP-002 WARN slow", "DT-TCP-003 FAIL bytes",
                "DT-TCP-004 WARN LF", "DT-TCP-005 WARN format unrecognised: \"x\"", "DT-TCP-006 PASS");
        assertThat(ResultsDiff.between(OLD, now, false).worse()).isFalse();
        assertThat(ResultsDiff.between(OLD, now, true).worse()).isTrue();
        assertThat(ResultsDiff.between(OLD, now, false).changes()).singleElement().extracting(Change::kind).isEqualTo(Kind.STATUS);
    }

    @Test
    void anXpassIsWorseAndAScenarioThatNoLongerRunsIsGoneNotWorse() {
        RunResults now = Runs.of("h:13", "DT-TCP-001 PASS", "DT-TCP-002 XPASS listed", "DT-TCP-003 FAIL bytes",
                "DT-TCP-004 PASS", "DT-TCP-005 WARN format unrecognised: \"x\"");
        ResultsDiff diff = ResultsDiff.between(OLD, now, false);
        assertThat(diff.changes()).extracting(Change::id, Change::kind, Change::worse).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DT-TCP-002", Kind.NEWLY_FAILING, true),
                org.assertj.core.groups.Tuple.tuple("DT-TCP-006", Kind.GONE, false));
    }

    @Test
    void theTextSaysEachChangeOnItsOwnLineThenTheCounts() {
        RunResults now = Runs.of("h:13", "DT-TCP-001 FAIL refused", "DT-TCP-002 WARN slow", "DT-TCP-003 PASS",
                "DT-TCP-004 PASS", "DT-TCP-005 WARN format unrecognised: \"x\"", "DT-TCP-006 PASS");
        ResultsDiff diff = ResultsDiff.between(OLD, now, false);
        assertThat(DiffOutput.lines(diff, OLD, now)).contains(
                "NEWLY FAILING DT-TCP-001  scenario DT-TCP-001: PASS -> FAIL \"refused\"",
                "FIXED         DT-TCP-003  scenario DT-TCP-003: FAIL \"bytes\" -> PASS",
                "1 newly failing, 1 fixed, 0 changed status, 0 changed finding, 0 gone: worse");
        assertThat(DiffOutput.json(diff, OLD, now)).contains("\"kind\": \"newly-failing\"").contains("\"worse\": true");
    }
}
