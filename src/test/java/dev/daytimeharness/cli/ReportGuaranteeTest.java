package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report guarantee, as the probe broke it: a run interrupted by SIGINT or SIGTERM once left
 * junit.xml and cucumber.json empty and cucumber.html cut off, destroying the previous run's
 * reports; two runs on one directory overwrote each other. Each run here is a real process, sent
 * a real signal mid-run, and the previous run's reports must be there byte for byte.
 */
@Tag("probe")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReportGuaranteeTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(30);
    private static final Pattern FIRST_VERDICT = Pattern.compile("(?m)^PASS +DT-");
    /** The JVM's exit status after a shutdown on SIGINT (128 + 2) and SIGTERM (128 + 15). */
    private static final int ON_SIGINT = 130;
    private static final int ON_SIGTERM = 143;

    @TempDir
    Path dir;

    @Test
    void sigintDuringCheckWithFaultsLeavesThePreviousReportsWhole() throws Exception {
        Path reports = dir.resolve("reports");
        assertThat(CliRun.of("check", "--tags", "@DT-TCP-001", "--report", reports.toString()).exitCode()).isZero();
        Map<String, byte[]> before = contents(reports);
        assertThat(before).containsKeys("junit.xml", "cucumber.json", "cucumber.html", "results.json", "report.html");

        try (HarnessProcess run = HarnessProcess.start(dir.resolve("run.log"), "check", "--faults",
                "--report", reports.toString())) {
            run.awaitOutput(FIRST_VERDICT, START);
            run.signal("INT");
            assertThat(run.awaitExit(EXIT)).as("interrupted mid-run, not finished: %s", run.output()).isEqualTo(ON_SIGINT);
            assertThat(run.output()).contains("daytime-harness: interrupted: this run's reports were discarded; "
                    + reports + " still holds the previous run's");
        }
        assertUnchanged(reports, before);
    }

    @Test
    void sigtermDuringCheckClientLeavesThePreviousReportsWhole() throws Exception {
        Path reports = dir.resolve("client-reports");
        assertThat(CliRun.of("check-client", "--tags", "@DT-CLI-001", "--report", reports.toString()).exitCode())
                .isZero();
        Map<String, byte[]> before = contents(reports);
        assertThat(before).containsKeys("junit.xml", "cucumber.json", "results.json");

        try (HarnessProcess run = HarnessProcess.start(dir.resolve("run.log"), "check-client", "--report",
                reports.toString())) {
            run.awaitOutput(FIRST_VERDICT, START);
            run.signal("TERM");
            assertThat(run.awaitExit(EXIT)).as("interrupted mid-run, not finished: %s", run.output()).isEqualTo(ON_SIGTERM);
        }
        assertUnchanged(reports, before);
    }

    @Test
    void aSecondRunOnTheSameReportDirectoryIsRefusedInOneLine() throws Exception {
        Path reports = dir.resolve("shared");
        String marker = HarnessProcess.marker();
        // The first run holds the directory while its client sleeps.
        try (HarnessProcess first = HarnessProcess.start(dir.resolve("first.log"), "check-client", "--tags",
                "@DT-CLI-001", "--client-timeout", "60s", "--env-only", "--report", reports.toString(),
                "--", "sleep", marker)) {
            assertThat(HarnessProcess.await(() -> !HarnessProcess.sleepers(marker).isEmpty(), START))
                    .as("the first run's client started: %s", first.output()).isTrue();

            CliRun second = CliRun.of("check", "--report", reports.toString());

            assertThat(second.exitCode()).as("could not test").isEqualTo(3);
            assertThat(second.err().strip()).doesNotContain("\n").contains("--report " + reports)
                    .contains("in use by another run (process " + first.pid() + ")");
            assertThat(second.out()).isEmpty();
        }
    }

    private static void assertUnchanged(Path reports, Map<String, byte[]> before) throws IOException {
        Map<String, byte[]> after = contents(reports);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(java.util.Arrays.equals(after.get(name), bytes))
                .as("%s unchanged (%d bytes before, %d after)", name, bytes.length, after.get(name).length).isTrue());
        try (Stream<Path> left = Files.list(reports)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("staging left behind")
                    .noneMatch(n -> n.startsWith(".staging"));
        }
    }

    /** Every report in the directory, by name (the lock file aside: it is not a report). */
    private static Map<String, byte[]> contents(Path reports) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(reports)) {
            for (Path p : list.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().equals(".lock")) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}
