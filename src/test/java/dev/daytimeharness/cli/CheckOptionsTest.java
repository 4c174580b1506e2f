package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** check and check-client share one set of options and one set of rules for them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckOptionsTest {
    private static final String[] SHARED = {"--tags", "--strict", "--toxiproxy", "--report", "--expected-failures",
            "--profile"};

    @TempDir
    Path dir;

    @Test
    void bothCommandsDeclareTheSharedOptionsIdentically() {
        CommandLine cli = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine.Model.CommandSpec check = cli.getSubcommands().get("check").getCommandSpec();
        CommandLine.Model.CommandSpec client = cli.getSubcommands().get("check-client").getCommandSpec();
        for (String name : SHARED) {
            OptionSpec a = check.findOption(name);
            OptionSpec b = client.findOption(name);
            assertThat(a).as("check " + name).isNotNull();
            assertThat(b).as("check-client " + name).isNotNull();
            // The text is the same; only --report's default, filled in, differs.
            assertThat(text(a)).as(name).isEqualTo(text(b));
            assertThat(a.paramLabel()).as(name).isEqualTo(b.paramLabel());
        }
    }

    private static String text(OptionSpec o) {
        String text = String.join(" ", o.description());
        return o.defaultValueString() == null ? text : text.replace(o.defaultValueString(), "DEFAULT");
    }

    @Test
    void eachCommandKeepsItsOwnReportDirectoryByDefault() {
        assertThat(CliRun.of("check", "--help").out()).contains("(default: target/daytime-report)");
        assertThat(CliRun.of("check-client", "--help").out()).contains("(default: target/daytime-report/client)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "check-client"})
    void tagsThatSelectNothingAreAUsageError(String command) {
        CliRun run = CliRun.of(command, "--tags", "@no-such-tag", "--report", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("no scenario matches --tags '@no-such-tag'").doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check", "check-client"})
    void aBadTagExpressionIsAUsageErrorBeforeAnythingRuns(String command) {
        CliRun run = CliRun.of(command, "--tags", "@must and (", "--report", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("bad --tags expression '@must and ('").doesNotContain("Exception");
    }
}
