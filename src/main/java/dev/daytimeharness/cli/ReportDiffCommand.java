package dev.daytimeharness.cli;

import dev.daytimeharness.conformance.results.DiffOutput;
import dev.daytimeharness.conformance.results.ResultsDiff;
import dev.daytimeharness.conformance.results.RunResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report diff OLD NEW}: what got worse, what was fixed, what changed between two runs. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compare two runs: what newly fails, what was fixed, what changed status or finding.",
                "OLD and NEW are results.json files or the --report directories that hold them."},
        footer = {"", "Examples:",
                "  daytime-harness report diff last-release/results.json target/daytime-report/results.json",
                "  daytime-harness report diff last-release/ target/daytime-report/ --strict",
                "  daytime-harness report diff old/ new/ --json",
                "", ReportCommand.EXIT_CODES})
public final class ReportDiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", description = "The earlier run: results.json or its directory.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The later run: results.json or its directory.")
    Path after;

    @Option(names = "--strict", description = "Also count a pass that became a warning as worse.")
    boolean strict;

    @Option(names = "--json", description = "Print the changes as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunResults old = ReportInput.read(before);
        RunResults now = ReportInput.read(after);
        ResultsDiff diff = ResultsDiff.between(old, now, strict);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(DiffOutput.json(diff, old, now));
        } else {
            DiffOutput.lines(diff, old, now).forEach(out::println);
        }
        out.flush();
        return diff.worse() ? ExitCode.FAILURE : ExitCode.OK;
    }
}
