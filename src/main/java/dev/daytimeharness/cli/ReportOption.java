package dev.daytimeharness.cli;

import dev.daytimeharness.conformance.report.ReportDir;
import java.nio.file.Path;

/**
 * The {@code --report} directory, taken before the run: a run whose reports cannot be written, or
 * whose directory another run is writing, says so first (exit 3) and tests nothing.
 */
final class ReportOption {
    private ReportOption() {}

    static ReportDir open(Path dir, java.io.PrintWriter err) {
        try {
            return ReportDir.open(dir, line -> {
                err.println("daytime-harness: " + OneLine.of(line));
                err.flush();
            });
        } catch (ReportDir.Refused e) {
            throw new UserError(ExitCode.COULD_NOT_TEST, "--report " + e.getMessage(), e);
        }
    }
}
