package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.daytimeharness.target.DaytimeContainer;
import dev.daytimeharness.target.DockerEngine;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check docker:IMAGE} against the locally built images: the reference server and a real
 * third-party server (xinetd), each started through Testcontainers and removed afterwards.
 * Docker's userland proxy, which publishes container ports on loopback, does not forward a
 * zero-length datagram: DT-UDP-002 is then a SKIP that says so, never a FAIL of the server.
 */
@Tag("docker")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CheckDockerTargetTest {
    /** Through docker-proxy the empty datagram cannot be sent; without it (NAT) it is answered. */
    private static final String EMPTY_DATAGRAM_JUDGED_FAIRLY =
            "(?m)^(SKIP +DT-UDP-002 .*Docker's userland proxy \\(docker-proxy\\).*empty datagram|PASS +DT-UDP-002 )";

    @TempDir
    Path reports;

    private static void assumeImage(String image) {
        DockerEngine.Availability engine = DockerEngine.availability();
        assumeTrue(engine.available(), engine.reason());
        assumeTrue(DockerEngine.hasImage(image), "the image " + image + " is missing: run .ci/docker.sh to build it");
    }

    @Test
    void theReferenceServersImagePassesWithFaults() {
        assumeImage(DaytimeContainer.REFERENCE_IMAGE);
        // The README's own command, whole: issue 19 found it exit 1 for the project's own server.
        CliRun run = CliRun.of("check", "docker:" + DaytimeContainer.REFERENCE_IMAGE, "--udp-port", "13", "--faults",
                "--report", reports.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("40 scenarios").doesNotContain("FAIL ").contains("format:      rfc867-long")
                .containsPattern(EMPTY_DATAGRAM_JUDGED_FAIRLY).containsPattern("(?m)^PASS +DT-UDP-004 ");
        assertThat(DockerEngine.sessionContainers()).isEmpty();
    }

    @Test
    void aThirdPartyServersImagePasses() {
        assumeImage(DaytimeContainer.XINETD_IMAGE);
        CliRun run = CliRun.of("check", "docker:" + DaytimeContainer.XINETD_IMAGE, "--udp-port", "13",
                "--report", reports.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("format:      xinetd").doesNotContain("FAIL ").containsPattern(EMPTY_DATAGRAM_JUDGED_FAIRLY);
    }

    @Test
    void theFaultScenariosRunThroughAToxiproxyContainer() {
        assumeImage(DaytimeContainer.XINETD_IMAGE);
        assumeImage(dev.daytimeharness.faults.ToxiproxyContainers.LOCAL_IMAGE);
        CliRun run = CliRun.of("check", "docker:" + DaytimeContainer.XINETD_IMAGE, "--faults", "--toxiproxy", "docker",
                "--tags", "@faults", "--report", reports.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).containsPattern("(?m)^PASS +DT-FLT-001 ").containsPattern("(?m)^PASS +DT-FLT-002 ")
                // Docker's port proxy turns the reset into a close: reported, not hidden.
                .containsPattern("(?m)^WARN +DT-FLT-003 .*port proxy");
        assertThat(DockerEngine.sessionContainers()).isEmpty();
    }

    @Test
    void aClientPackagedAsAnImageIsChecked() {
        assumeImage(DaytimeContainer.REFERENCE_IMAGE);
        CliRun run = CliRun.of("check-client", "--image", DaytimeContainer.REFERENCE_IMAGE, "--tags",
                "@DT-CLI-001 or @DT-CLI-002 or @DT-CLI-009", "--report", reports.toString(), "--", "get", "{host}:{port}");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("3 scenarios: 3 pass");
        assertThat(DockerEngine.sessionContainers()).isEmpty();
    }

    @Test
    void aMissingImageIsOneLineAndCouldNotTest() {
        DockerEngine.Availability engine = DockerEngine.availability();
        assumeTrue(engine.available(), engine.reason());
        CliRun run = CliRun.of("check", "docker:daytime-harness/no-such-image:local");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err().strip()).contains("is not on this machine").doesNotContain("Exception");
    }
}
