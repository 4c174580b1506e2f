package dev.daytimeharness.conformance;


import dev.daytimeharness.conformance.report.ScenarioResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every feature under {@code features/} with Maven, against the target named by
 * {@code -Ddaytime.target=HOST:PORT} or, by default, the in-process reference server: through the
 * same run factory and runner as {@code check}, so one run is made, handed in, and closed. Each
 * scenario is then one test: it fails with the scenario's reason, or is skipped with it.
 */
class FeaturesTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        List<ScenarioResult> results;
        try (ConformanceRun run = RunFactory.fromSystemProperties(new PrintWriter(System.out, true))) {
            results = Conformance.run(run, List.of("features"), System.getProperty("cucumber.filter.tags"));
        }
        return ScenarioTests.of(results);
    }
}
