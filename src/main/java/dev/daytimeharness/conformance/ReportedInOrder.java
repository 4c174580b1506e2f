package dev.daytimeharness.conformance;

import io.cucumber.core.eventbus.AbstractEventBus;
import io.cucumber.messages.types.Envelope;
import io.cucumber.plugin.event.TestCaseEvent;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Cucumber's event bus for a run, handing every listener (the live report, the HTML, JSON and
 * JUnit reports) each scenario's events in {@link ScenarioOrder}, whatever order the scenarios
 * ran and finished in. A scenario's events pass at once while every scenario before it has
 * finished; otherwise they are held until then. Events that belong to no scenario (the features,
 * the glue, the run's start) pass at once, which keeps them ahead of the scenarios that need them.
 *
 * <p>Cucumber's own parallel mode orders by feature file and line instead, which would move the
 * UDP fault scenarios ahead of the server's; and the live report could print nothing in order.
 * Cucumber sends from one thread at a time (it wraps the bus in its synchronized one); the methods
 * are synchronized all the same.
 */
final class ReportedInOrder extends AbstractEventBus {
    private final RunOrder order;
    private final Clock clock = Clock.systemUTC();
    /** Cucumber's message ids of a test case and of its start, to the scenario's place in the reports. */
    private final Map<String, Integer> byMessageId = new HashMap<>();
    private final Map<Integer, List<Object>> held = new HashMap<>();
    /** For each scenario, how many of its two end markers (the event and the message) have passed. */
    private final Map<Integer, Integer> ends = new HashMap<>();
    private int next;

    ReportedInOrder(RunOrder order) {
        this.order = order;
    }

    @Override
    public Instant getInstant() {
        return clock.instant();
    }

    @Override
    public UUID generateId() {
        return UUID.randomUUID();
    }

    @Override
    public synchronized <T> void send(T event) {
        if (event instanceof TestRunFinished || isRunFinished(event)) {
            releaseAll();
            super.send(event);
            return;
        }
        Optional<Integer> scenario = scenarioOf(event);
        if (scenario.isEmpty()) {
            super.send(event);
            return;
        }
        int at = scenario.get();
        if (at == next) {
            super.send(event);
        } else {
            held.computeIfAbsent(at, k -> new ArrayList<>()).add(event);
        }
        if (isEnd(event) && ends.merge(at, 1, Integer::sum) == 2 && at == next) {
            advance();
        }
    }

    /** The scenario at {@code next} has ended: pass on what the ones after it held, while they have ended too. */
    private void advance() {
        next++;
        while (held.containsKey(next)) {
            held.remove(next).forEach(super::send);
            if (ends.getOrDefault(next, 0) < 2) {
                return;
            }
            next++;
        }
    }

    /** The run is over: whatever is still held (a scenario Cucumber abandoned) goes in order. */
    private void releaseAll() {
        held.keySet().stream().sorted().toList().forEach(k -> held.remove(k).forEach(super::send));
    }

    private Optional<Integer> scenarioOf(Object event) {
        if (event instanceof TestCaseEvent e) {
            return order.position(e.getTestCase().getUri(), e.getTestCase().getLocation().getLine());
        }
        if (event instanceof Envelope e) {
            return messageScenario(e);
        }
        return Optional.empty();
    }

    private Optional<Integer> messageScenario(Envelope e) {
        if (e.getTestCase().isPresent()) {
            io.cucumber.messages.types.TestCase testCase = e.getTestCase().get();
            Optional<Integer> at = order.positionOfPickle(testCase.getPickleId());
            at.ifPresent(i -> byMessageId.put(testCase.getId(), i));
            return at;
        }
        if (e.getTestCaseStarted().isPresent()) {
            io.cucumber.messages.types.TestCaseStarted started = e.getTestCaseStarted().get();
            Optional<Integer> at = Optional.ofNullable(byMessageId.get(started.getTestCaseId()));
            at.ifPresent(i -> byMessageId.put(started.getId(), i));
            return at;
        }
        Optional<String> startedId = e.getTestStepStarted().map(s -> s.getTestCaseStartedId())
                .or(() -> e.getTestStepFinished().map(s -> s.getTestCaseStartedId()))
                .or(() -> e.getTestCaseFinished().map(s -> s.getTestCaseStartedId()))
                .or(() -> e.getAttachment().flatMap(a -> a.getTestCaseStartedId()));
        return startedId.map(byMessageId::get);
    }

    private static boolean isEnd(Object event) {
        return event instanceof TestCaseFinished || event instanceof Envelope e && e.getTestCaseFinished().isPresent();
    }

    private static boolean isRunFinished(Object event) {
        return event instanceof Envelope e && e.getTestRunFinished().isPresent();
    }
}
