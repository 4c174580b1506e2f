package dev.daytimeharness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code --report} directory, made before the run: a run whose reports cannot be written says so first. */
final class ReportDir {
    private ReportDir() {}

    static void prepare(Path dir) {
        if (dir.toString().isBlank()) {
            throw UserError.usage("--report needs a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError(ExitCode.COULD_NOT_TEST, "--report " + dir + ": cannot make the directory ("
                    + (Files.exists(dir) ? "a file of that name is in the way" : e.getClass().getSimpleName()
                    + ": " + e.getMessage()) + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new UserError(ExitCode.COULD_NOT_TEST, "--report " + dir + ": the directory is not writable");
        }
    }
}
