package dev.daytimeharness.conformance.report;

import dev.daytimeharness.conformance.ConformanceRun;
import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.Severity;
import dev.daytimeharness.conformance.Verdicts;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * A Cucumber plugin that prints one line per scenario as it finishes (PASS, WARN, FAIL or SKIP,
 * its ID and the reason) and, at the end, a summary and the target's profile. It is given the run
 * it reports on, and reads each scenario's findings from the run's results as the checks made them.
 */
public final class LiveReport implements ConcurrentEventListener {
    private final ConformanceRun run;

    public LiveReport(ConformanceRun run) {
        this.run = run;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::onFinished);
        publisher.registerHandlerFor(TestRunFinished.class, this::onRunFinished);
    }

    private synchronized void onFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        List<Finding> found = run.results().findingsOf(testCase.getId().toString());
        ScenarioResult result = run.claims().expectedFailures().apply(judge(testCase.getTags(), testCase.getName(),
                event.getResult(), found, run.settings().strict()));
        run.results().add(result);
        run.timings().add(result.id(), testCase.getName(), event.getInstant().minus(event.getResult().getDuration()),
                event.getInstant());
        PrintWriter out = run.out();
        out.println(result.line());
        out.flush();
    }

    private synchronized void onRunFinished(TestRunFinished event) {
        PrintWriter out = run.out();
        out.println();
        out.println(Summary.of(run.results().all()).line());
        Profile.of(run).lines().forEach(out::println);
        out.flush();
    }

    static ScenarioResult judge(List<String> tags, String name, Result result, List<Finding> found, boolean strict) {
        String id = tags.stream()
                .filter(t -> t.startsWith("@DT-"))
                .map(t -> t.substring(1))
                .findFirst().orElse("-");
        List<String> warnings = found.stream().filter(f -> f.severity() == Severity.WARNING).map(Finding::message).toList();
        Status status = switch (result.getStatus()) {
            case PASSED -> warnings.isEmpty() ? Status.PASS : Status.WARN;
            case SKIPPED, PENDING -> Status.SKIP;
            default -> Status.FAIL;
        };
        String reason = switch (status) {
            case PASS -> "";
            case WARN -> String.join("; ", warnings);
            case FAIL -> failure(found, strict).map(LiveReport::firstLine).orElseGet(() -> firstLine(result.getError()));
            // XFAIL and XPASS are not Cucumber's: the expected-failures list makes them afterwards.
            case SKIP, XFAIL, XPASS -> firstLine(result.getError());
        };
        return new ScenarioResult(id, name, status, reason, found);
    }

    /** The finding that failed the scenario: its error, or with --strict its first warning. */
    private static Optional<String> failure(List<Finding> found, boolean strict) {
        Optional<String> error = found.stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::message).findFirst();
        if (error.isPresent() || !strict) {
            return error;
        }
        return found.stream().findFirst().map(f -> f.message() + Verdicts.STRICT_SUFFIX);
    }

    private static String firstLine(Throwable error) {
        if (error == null || error.getMessage() == null) {
            return error == null ? "" : error.getClass().getSimpleName();
        }
        return firstLine(error.getMessage());
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }
}
