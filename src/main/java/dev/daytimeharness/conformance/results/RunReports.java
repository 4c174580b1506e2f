package dev.daytimeharness.conformance.results;

import java.io.IOException;
import java.nio.file.Path;

/** The reports of one run that the harness writes itself: results.json and report.html. */
public final class RunReports {
    public static final String HTML = "report.html";

    private RunReports() {}

    /** Writes both into the --report directory, each whole or not at all. */
    public static void write(Path dir, RunResults results) throws IOException {
        ResultsFile.write(results, dir.resolve(ResultsFile.NAME));
        WholeFile.write(dir.resolve(HTML), MatrixHtml.render(Matrix.of(java.util.List.of(results)),
                "Daytime conformance: " + results.target().description()));
    }
}
