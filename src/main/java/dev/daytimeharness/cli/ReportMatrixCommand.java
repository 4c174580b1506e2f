package dev.daytimeharness.cli;

import dev.daytimeharness.conformance.results.Matrix;
import dev.daytimeharness.conformance.results.MatrixHtml;
import dev.daytimeharness.conformance.results.MatrixMarkdown;
import dev.daytimeharness.conformance.results.WholeFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code report matrix RESULTS...}: one page of targets against scenarios, from one job per target. */
@Command(name = "matrix", mixinStandardHelpOptions = true,
        description = {"Merge runs into one matrix: targets as columns, scenario IDs as rows, each cell coloured",
                "by status with its finding. The HTML page is self-contained; the Markdown suits a CI step summary."},
        footer = {"", "Examples:",
                "  daytime-harness report matrix xinetd=xinetd/ inetd=openbsd-inetd/ reference/ --html matrix.html",
                "  daytime-harness report matrix results/*/results.json --html matrix.html --markdown matrix.md",
                "  daytime-harness report matrix results/*/ --markdown - >> \"$GITHUB_STEP_SUMMARY\"",
                "", ReportCommand.EXIT_CODES})
public final class ReportMatrixCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "[NAME=]RESULTS",
            description = "results.json files or --report directories, one per target; NAME= heads its column"
                    + " (default: the target's address).")
    List<String> inputs;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the HTML page here.")
    Path html;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Write the Markdown table here ('-' for stdout).")
    String markdown;

    @Option(names = "--title", paramLabel = "TEXT", description = "The page's title (default: ${DEFAULT-VALUE}).")
    String title = "Daytime conformance matrix";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (html == null && markdown == null) {
            throw UserError.usage("say where the matrix goes: --html FILE and/or --markdown FILE");
        }
        Matrix matrix = Matrix.ofColumns(inputs.stream().map(ReportMatrixCommand::column).toList());
        PrintWriter out = spec.commandLine().getOut();
        if (html != null) {
            write(html, MatrixHtml.render(matrix, title));
        }
        if ("-".equals(markdown)) {
            out.print(MatrixMarkdown.render(matrix, title));
        } else if (markdown != null) {
            write(Path.of(markdown), MatrixMarkdown.render(matrix, title));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** {@code xinetd=results/xinetd/} names its column; a plain path is headed by the target's address. */
    private static Matrix.Column column(String input) {
        int eq = input.indexOf('=');
        if (eq > 0 && !input.substring(0, eq).contains(java.io.File.separator)) {
            return new Matrix.Column(input.substring(0, eq), ReportInput.read(Path.of(input.substring(eq + 1))));
        }
        return new Matrix.Column(ReportInput.read(Path.of(input)));
    }

    private static void write(Path file, String text) {
        try {
            WholeFile.write(file, text);
        } catch (IOException e) {
            throw UserError.usage("cannot write " + file + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
