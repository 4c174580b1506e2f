package dev.daytimeharness.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report}: works on the results.json files that check and check-client write. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compare and merge the results.json files that check and check-client write into --report.",
        subcommands = {ReportDiffCommand.class, ReportMatrixCommand.class},
        footer = {"", "Examples:",
                "  daytime-harness report diff last-release/ target/daytime-report/",
                "  daytime-harness report matrix results/*/results.json --html matrix.html --markdown matrix.md",
                "", ReportCommand.EXIT_CODES})
public final class ReportCommand implements Callable<Integer> {
    static final String EXIT_CODES = "Exit codes:%n"
            + "  0  done (diff: nothing got worse)%n"
            + "  1  diff: something got worse (pass or warn to fail; pass to warn with --strict)%n"
            + "  2  usage error: a bad option, or a file that is not results.json";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("daytime-harness: name a report command (diff, matrix)");
        spec.commandLine().usage(err);
        err.flush();
        return ExitCode.USAGE;
    }
}
