package dev.daytimeharness.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.conformance.report.Status;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;

/** A run's scenarios as JUnit tests: each fails with its scenario's reason, or is skipped with it. */
final class ScenarioTests {
    private ScenarioTests() {}

    static Stream<DynamicTest> of(List<ScenarioResult> results) {
        if (results.isEmpty()) {
            fail("no scenario ran");
        }
        return results.stream().map(r -> dynamicTest(r.id() + " " + r.name(), () -> {
            if (r.status() == Status.FAIL) {
                fail(r.reason());
            }
            Assumptions.assumeTrue(r.status() != Status.SKIP, r.reason());
        }));
    }
}
