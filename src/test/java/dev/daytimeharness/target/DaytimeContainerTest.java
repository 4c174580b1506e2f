package dev.daytimeharness.target;

import static dev.daytimeharness.target.ContainerReplies.DEADLINE;
import static dev.daytimeharness.target.ContainerReplies.askByDatagram;
import static dev.daytimeharness.target.ContainerReplies.assertPlausibleTimestampLine;
import static dev.daytimeharness.target.ContainerReplies.assumeEngineWithImage;
import static dev.daytimeharness.target.ContainerReplies.readUntilEof;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;

@Tag("docker")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DaytimeContainerTest {

    private static final String REFERENCE = DaytimeContainer.REFERENCE_IMAGE;
    private static final String XINETD = DaytimeContainer.XINETD_IMAGE;

    @Test
    void xinetdImageSendsOneTimestampLineOverTcpAndCloses() throws Exception {
        assumeEngineWithImage(XINETD);
        try (DaytimeContainer xinetd = new DaytimeContainer(XINETD)) {
            xinetd.start();

            assertThat(xinetd.daytimeEndpoint().isLoopback()).as("%s is on loopback", xinetd.daytimeEndpoint()).isTrue();
            assertPlausibleTimestampLine(readUntilEof(xinetd.daytimeEndpoint(), DEADLINE));
        }
    }

    @Test
    void xinetdImageAnswersADatagramWithATimestampLine() throws Exception {
        assumeEngineWithImage(XINETD);
        try (DaytimeContainer xinetd = new DaytimeContainer(XINETD).withUdp()) {
            xinetd.start();

            assertPlausibleTimestampLine(askByDatagram(xinetd.udpEndpoint(), DEADLINE));
        }
    }

    @Test
    void referenceImageSendsOneTimestampLineOverTcpAndCloses() throws Exception {
        assumeReferenceServes();
        try (DaytimeContainer reference = new DaytimeContainer(REFERENCE)) {
            reference.start();

            assertPlausibleTimestampLine(readUntilEof(reference.daytimeEndpoint(), DEADLINE));
        }
    }

    @Test
    void referenceImageAnswersADatagramWithATimestampLine() throws Exception {
        assumeReferenceServes();
        try (DaytimeContainer reference = new DaytimeContainer(REFERENCE).withUdp()) {
            reference.start();

            assertPlausibleTimestampLine(askByDatagram(reference.udpEndpoint(), DEADLINE));
        }
    }

    @Test
    void referenceImageRunsTheJarOnItsOwnRuntimeAsANonRootUser() {
        assumeEngineWithImage(REFERENCE);
        try (GenericContainer<?> version = new GenericContainer<>(REFERENCE)
                .withCommand("--version")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(Duration.ofSeconds(60)))) {
            DockerEngine.removeContainersAtExit();
            version.start();

            assertThat(version.getLogs()).startsWith("daytime-harness ");
            assertThat(version.getContainerInfo().getConfig().getUser()).isEqualTo("65532:65532");
        }
    }

    @Test
    void containerIsRemovedWhenClosed() {
        assumeEngineWithImage(XINETD);
        String id;
        try (DaytimeContainer xinetd = new DaytimeContainer(XINETD)) {
            xinetd.start();
            id = xinetd.getContainerId();
            assertThat(DockerEngine.sessionContainers()).contains(id);
        }

        assertThat(DockerEngine.sessionContainers()).doesNotContain(id);
    }

    @Test
    void startFailsWithTheServersLastWordsWhenItExitsInsteadOfServing() {
        assumeEngineWithImage(REFERENCE);
        try (DaytimeContainer broken = new DaytimeContainer(REFERENCE).withCommand("--no-such-option")) {
            assertThatThrownBy(broken::start)
                    .satisfies(e -> assertThat(causes(e)).contains("exited before serving daytime").contains("--no-such-option"));
        }
    }

    private static void assumeReferenceServes() {
        assumeEngineWithImage(REFERENCE);
        assumeTrue(DockerEngine.imageLabel(REFERENCE, "dev.daytimeharness.serve").orElse("absent").equals("present"),
                REFERENCE + " was built from a jar without the 'serve' command: rebuild it with docker/build-local.sh once 'serve' exists");
    }

    private static String causes(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
