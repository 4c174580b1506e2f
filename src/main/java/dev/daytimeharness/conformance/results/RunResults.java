package dev.daytimeharness.conformance.results;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import dev.daytimeharness.conformance.DeclaredProfile;
import java.util.Optional;

/**
 * What one run of {@code check} or {@code check-client} found, as {@code results.json} holds it: the
 * record CI keeps per implementation, diffs against the last release and merges into a matrix.
 * The schema is versioned ({@link #SCHEMA_VERSION}); a reader refuses a version it does not know.
 *
 * @param harnessVersion the version of the harness that judged
 * @param target what was under test
 * @param started when the run started
 * @param duration how long it took
 * @param settings the settings that change verdicts
 * @param observed what the run learnt about the target's replies (empty when it read none)
 * @param declared the profile the implementation claims ({@code --profile}), echoed
 * @param exitCode the run's exit code, with its meaning in {@link #exitCodes()}
 * @param scenarios one entry per scenario that ran
 */
public record RunResults(String harnessVersion, TargetEntry target, Instant started, Duration duration,
                         VerdictSettings settings, Optional<ObservedProfile> observed,
                         Optional<DeclaredProfile> declared, int exitCode, List<ScenarioEntry> scenarios) {

    /** Bumped when a field changes meaning or goes away; new optional fields keep the version. */
    public static final int SCHEMA_VERSION = 1;

    /** The exit codes of check and check-client; results.json carries the table beside the code. */
    public static Map<Integer, String> exitCodes() {
        return Map.of(
                0, "conformant: no failures (warnings, xfail and skips allowed)",
                1, "conformance failures found (fail or xpass)",
                2, "usage error",
                3, "could not test: the target, the Toxiproxy, the Docker engine or the report was not there");
    }

    public RunResults {
        scenarios = List.copyOf(scenarios);
    }

    /** The entry for a scenario ID, if it ran. */
    public Optional<ScenarioEntry> scenario(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** This harness's version: the jar's, or {@code dev} when run from classes. */
    public static String currentHarnessVersion() {
        String v = RunResults.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
