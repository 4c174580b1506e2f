package dev.daytimeharness.conformance.report;

import dev.daytimeharness.conformance.ConformanceRun;
import dev.daytimeharness.conformance.Verdicts;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.WriteEvent;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cucumber plugin that prints one line per scenario as it finishes (PASS, WARN, FAIL or SKIP,
 * its ID and the reason) and, at the end, a summary and the target's profile.
 */
public final class LiveReport implements ConcurrentEventListener {
    private final Map<UUID, List<String>> warnings = new ConcurrentHashMap<>();
    private final List<ScenarioResult> results = new ArrayList<>();
    private ConformanceRun run;

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(WriteEvent.class, this::onWrite);
        publisher.registerHandlerFor(TestCaseFinished.class, this::onFinished);
        publisher.registerHandlerFor(TestRunFinished.class, this::onRunFinished);
    }

    private void onWrite(WriteEvent event) {
        String text = event.getText();
        if (text.startsWith(Verdicts.WARNING_PREFIX)) {
            warnings.computeIfAbsent(event.getTestCase().getId(), k -> new ArrayList<>())
                    .add(text.substring(Verdicts.WARNING_PREFIX.length()));
        }
    }

    private synchronized void onFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        List<String> raised = List.copyOf(warnings.getOrDefault(testCase.getId(), List.of()));
        ScenarioResult result = judge(testCase, event.getResult(), raised);
        results.add(result);
        if (run == null) {
            run = ConformanceRun.current();
        }
        run.record(result);
        PrintWriter out = run.out();
        out.println(result.line());
        out.flush();
    }

    private synchronized void onRunFinished(TestRunFinished event) {
        if (run == null) {
            return;
        }
        PrintWriter out = run.out();
        out.println();
        out.println(Summary.of(results).line());
        Profile.of(run).lines().forEach(out::println);
        out.flush();
    }

    static ScenarioResult judge(TestCase testCase, Result result, List<String> raised) {
        String id = testCase.getTags().stream()
                .filter(t -> t.startsWith("@DT-"))
                .map(t -> t.substring(1))
                .findFirst().orElse("-");
        Status status = switch (result.getStatus()) {
            case PASSED -> raised.isEmpty() ? Status.PASS : Status.WARN;
            case SKIPPED, PENDING -> Status.SKIP;
            default -> Status.FAIL;
        };
        String reason = switch (status) {
            case PASS -> "";
            case WARN -> String.join("; ", raised);
            default -> firstLine(result.getError());
        };
        return new ScenarioResult(id, testCase.getName(), status, reason, raised);
    }

    private static String firstLine(Throwable error) {
        if (error == null || error.getMessage() == null) {
            return error == null ? "" : error.getClass().getSimpleName();
        }
        return error.getMessage().lines().findFirst().orElse("").strip();
    }
}
