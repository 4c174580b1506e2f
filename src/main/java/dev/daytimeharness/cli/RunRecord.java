package dev.daytimeharness.cli;

import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.conformance.DeclaredProfile;
import dev.daytimeharness.conformance.ScenarioIndex;
import dev.daytimeharness.conformance.Settings;
import dev.daytimeharness.conformance.report.ReportDir;
import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.conformance.results.ObservedProfile;
import dev.daytimeharness.conformance.results.RunReports;
import dev.daytimeharness.conformance.results.RunResults;
import dev.daytimeharness.conformance.results.ScenarioEntry;
import dev.daytimeharness.conformance.results.TargetEntry;
import dev.daytimeharness.conformance.results.VerdictSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What check and check-client keep of a run once it is over: results.json and report.html in the
 * --report directory.
 *
 * @param started when the run started
 * @param target what was under test
 * @param settings the run's settings
 * @param tags the --tags expression, empty for none
 * @param expectedFailures the --expected-failures file, empty for none
 * @param declared the --profile, if one was given
 */
record RunRecord(Instant started, TargetEntry target, Settings settings, String tags, String expectedFailures,
                 Optional<DeclaredProfile> declared) {

    /**
     * Writes results.json and report.html beside Cucumber's reports and publishes them all; a run
     * whose results cannot be kept has not tested anything CI can use.
     */
    void write(ReportDir reports, List<ScenarioResult> results, Optional<Exchange> first, int exitCode) {
        ScenarioIndex index = ScenarioIndex.packaged();
        RunResults r = new RunResults(RunResults.currentHarnessVersion(), target,
                started.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                Duration.between(started, Instant.now()),
                new VerdictSettings(settings.strict(), settings.skew(), settings.maxReply(), settings.zone().getId(),
                        tags, expectedFailures),
                first.filter(Exchange::connected).map(e -> ObservedProfile.of(e, settings.zone())),
                declared, exitCode, results.stream().map(s -> ScenarioEntry.of(s, index)).toList());
        try {
            RunReports.write(reports.staging(), r);
            reports.publish();
        } catch (IOException e) {
            throw new UserError(ExitCode.COULD_NOT_TEST, "cannot write the reports into " + reports.dir() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
