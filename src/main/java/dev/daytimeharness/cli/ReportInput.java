package dev.daytimeharness.cli;

import dev.daytimeharness.conformance.results.ResultsFile;
import dev.daytimeharness.conformance.results.RunResults;
import java.nio.file.Path;

/** A results.json named on the command line: one that cannot be read is bad input, said in one line. */
final class ReportInput {
    private ReportInput() {}

    static RunResults read(Path fileOrDir) {
        try {
            return ResultsFile.read(fileOrDir);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }
}
