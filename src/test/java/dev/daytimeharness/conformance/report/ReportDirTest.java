package dev.daytimeharness.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's reports reach the directory whole, all at its end, or not at all. */
@Tag("probe")
class ReportDirTest {
    @TempDir
    Path dir;

    @Test
    void reportsAppearOnlyWhenPublishedAndReplaceTheOldOnes() throws Exception {
        Files.writeString(dir.resolve("junit.xml"), "old");
        try (ReportDir reports = ReportDir.open(dir)) {
            Files.writeString(reports.staging().resolve("junit.xml"), "new");
            Files.writeString(reports.staging().resolve("results.json"), "{}");
            assertThat(Files.readString(dir.resolve("junit.xml"))).as("before publish").isEqualTo("old");
            assertThat(dir.resolve("results.json")).doesNotExist();

            reports.publish();
        }
        assertThat(Files.readString(dir.resolve("junit.xml"))).isEqualTo("new");
        assertThat(Files.readString(dir.resolve("results.json"))).isEqualTo("{}");
        assertThat(staging()).isEmpty();
    }

    @Test
    void aRunThatEndsWithoutPublishingLeavesThePreviousReports() throws Exception {
        Files.writeString(dir.resolve("junit.xml"), "old");
        try (ReportDir reports = ReportDir.open(dir)) {
            Files.writeString(reports.staging().resolve("junit.xml"), "half a rep");
        }
        assertThat(Files.readString(dir.resolve("junit.xml"))).isEqualTo("old");
        assertThat(staging()).isEmpty();
    }

    @Test
    void aSecondHolderIsRefusedAndTheFirstKeepsTheDirectory() throws Exception {
        try (ReportDir first = ReportDir.open(dir)) {
            assertThatThrownBy(() -> ReportDir.open(dir)).isInstanceOf(ReportDir.Refused.class)
                    .hasMessageContaining("in use by another run (an earlier run in this process)");
            Files.writeString(first.staging().resolve("junit.xml"), "first");
            first.publish();
        }
        try (ReportDir again = ReportDir.open(dir)) {
            assertThat(again.staging()).isDirectory();
        }
    }

    @Test
    void aStagingDirectoryLeftByAKilledRunIsClearedByTheNext() throws Exception {
        Path stale = Files.createDirectories(dir.resolve(ReportDir.STAGING_PREFIX + "999999"));
        Files.writeString(stale.resolve("junit.xml"), "");
        try (ReportDir reports = ReportDir.open(dir)) {
            assertThat(stale).doesNotExist();
        }
    }

    @Test
    void aDanglingSymlinkIsRefusedSayingWhereItPoints() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("reports"), dir.resolve("gone"));
        assertThatThrownBy(() -> ReportDir.open(link)).isInstanceOf(ReportDir.Refused.class)
                .hasMessageContaining("a symbolic link to " + dir.resolve("gone") + ", which does not exist");
    }

    private Stream<Path> staging() throws java.io.IOException {
        return Files.list(dir).filter(p -> p.getFileName().toString().startsWith(ReportDir.STAGING_PREFIX)).toList().stream();
    }
}
