package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.daytimeharness.target.DaytimeContainer;
import dev.daytimeharness.target.DockerEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check docker:} as the probe broke it: a wrong --container-port waited 60 s whatever
 * --timeout said, and an interrupted run printed Docker's 409 ConflictException as a stack trace.
 */
@Tag("docker")
@Tag("probe")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DockerTargetProbeTest {
    @TempDir
    Path dir;

    private static void assumeReferenceImage() {
        DockerEngine.Availability engine = DockerEngine.availability();
        assumeTrue(engine.available(), engine.reason());
        assumeTrue(DockerEngine.hasImage(DaytimeContainer.REFERENCE_IMAGE),
                "the image " + DaytimeContainer.REFERENCE_IMAGE + " is missing: run .ci/docker.sh to build it");
    }

    @Test
    void aWrongContainerPortGivesUpAboutTheTimeoutLaterInOneLine() {
        assumeReferenceImage();
        long start = System.nanoTime();
        CliRun run = CliRun.of("check", "docker:" + DaytimeContainer.REFERENCE_IMAGE, "--container-port", "9999",
                "--timeout", "2s", "--report", dir.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.err().strip()).doesNotContain("\n").contains("within 2s")
                .contains("the image declares 13/tcp, not 9999/tcp: try --container-port 13");
        // The container's own start and removal come on top of the 2 s; the old wait was 60 s.
        assertThat(took).isLessThan(Duration.ofSeconds(40));
        assertThat(DockerEngine.sessionContainers()).isEmpty();
    }

    @Test
    void interruptingCheckDockerPrintsNoStackTrace() throws Exception {
        assumeReferenceImage();
        try (HarnessProcess run = HarnessProcess.start(dir.resolve("run.log"), "check",
                "docker:" + DaytimeContainer.REFERENCE_IMAGE, "--faults", "--report", dir.resolve("r").toString())) {
            run.awaitOutput(Pattern.compile("(?m)^PASS +DT-"), Duration.ofSeconds(90));
            run.signal("INT");
            run.awaitExit(Duration.ofSeconds(60));
            assertThat(run.output()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
