package dev.daytimeharness.cli;

import dev.daytimeharness.conformance.Claims;
import dev.daytimeharness.conformance.Conformance;
import dev.daytimeharness.conformance.ConformanceRun;
import dev.daytimeharness.conformance.DeclaredProfile;
import dev.daytimeharness.conformance.Settings;
import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.conformance.results.TargetEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options check and check-client share (a picocli mixin), and the rules that go with them, so
 * the two commands judge a run the same way: which scenarios run, what fails the run, and what a
 * run that ran nothing means.
 */
final class CheckOptions {

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Run only scenarios matching this Cucumber tag expression, e.g. '@must and not @load'.")
    String tags;

    @Option(names = "--strict", description = "Count warnings as errors.")
    boolean strict;

    @Option(names = "--toxiproxy", paramLabel = "URL",
            description = "The Toxiproxy the fault scenarios use: a URL such as http://127.0.0.1:8474 (default:"
                    + " $TOXIPROXY_URL, else an embedded one); check also takes 'docker', a Toxiproxy container"
                    + " beside a docker: target.")
    String toxiproxy;

    @Option(names = "--report", paramLabel = "DIR", description = "Where reports go (default: ${DEFAULT-VALUE}).")
    Path report;

    @Option(names = "--expected-failures", paramLabel = "FILE",
            description = "Scenario IDs whose failure is accepted for now, one a line ('ID' or 'ID flaky', # comments):"
                    + " a listed failure is XFAIL and passes, a listed pass is XPASS and fails.")
    Path expectedFailures;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "What the implementation claims, as JSON: {\"transports\": [\"tcp\", \"udp\"], \"udpPort\": 13,"
                    + " \"format\": \"ctime\", \"lineEnding\": \"CRLF\", \"zone\": \"UTC\"} (a client's: transports only).")
    Path profile;

    /** Where $TOXIPROXY_URL is read: the process's environment, or a test's. */
    Map<String, String> environment = System.getenv();

    /** @param defaultReport where reports go when --report is not given (each command has its own) */
    CheckOptions(Path defaultReport) {
        this.report = defaultReport;
    }

    /** Rejects a bad --tags expression before anything starts. */
    void validate() {
        TagOption.validate(tags);
    }

    /** The --expected-failures and the --profile; a mistake in either is a usage error. */
    Claims claims() {
        return ClaimsOption.read(expectedFailures, profile);
    }

    /**
     * The Toxiproxy choice, resolved once: the URL, {@code docker}, or empty for the embedded one.
     * A run that will not use it resolves it only when --toxiproxy names one (a stray
     * $TOXIPROXY_URL is no reason to refuse a run); one that will use it asks it is there.
     */
    String toxiproxyUrl(boolean used) {
        return used || toxiproxy != null ? CouldNotTest.unless(() -> ToxiproxyOption.resolve(toxiproxy, environment, used)) : "";
    }

    /**
     * Runs the features; a run in which no scenario ran checked nothing and is an error, a usage
     * error when --tags selected none.
     */
    List<ScenarioResult> run(ConformanceRun run, List<String> features, String selection) {
        return run(run, features, selection, 1);
    }

    /** The same, up to {@code jobs} scenarios at once on a target on this machine. */
    List<ScenarioResult> run(ConformanceRun run, List<String> features, String selection, int jobs) {
        List<ScenarioResult> results = Conformance.run(run, features, selection, jobs);
        if (results.isEmpty()) {
            throw tags == null ? UserError.failure("no scenario ran (try --verbose)")
                    : UserError.usage("no scenario matches --tags '" + tags + "'");
        }
        return results;
    }

    /** Failure when any scenario's status fails the run (FAIL, or XPASS), else OK. */
    static int exitCode(List<ScenarioResult> results) {
        return results.stream().anyMatch(r -> r.status().failsRun()) ? ExitCode.FAILURE : ExitCode.OK;
    }

    /** What results.json keeps of these options, beside the run's settings. */
    RunRecord record(Instant started, TargetEntry target, Settings settings, Optional<DeclaredProfile> declared) {
        return new RunRecord(started, target, settings, tags == null ? "" : tags,
                expectedFailures == null ? "" : expectedFailures.toString(), declared);
    }
}
