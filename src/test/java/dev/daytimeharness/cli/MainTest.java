package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What every command shares: the command table, help, and no command at all. */
class MainTest {

    @Test
    void noCommandIsAUsageErrorWithTheUsageOnStderr() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("name a command").contains("Usage: daytime-harness");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"serve, --bind", "simulate --behaviour format, --bind", "toxiproxy, --host"})
    void anAddressToListenOnThatDoesNotResolveIsAUsageError(String command, String option) {
        String[] args = (command + " " + option + " nosuchhost.invalid --port 0").split(" ");
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(option + " nosuchhost.invalid is not an address of this machine")
                .doesNotContain("Exception");
    }

    @Test
    void everyCommandsHelpHasExamplesExitCodesAndReadableDefaults() {
        for (Class<?> command : Main.SUBCOMMANDS) {
            String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
            CliRun run = CliRun.of(name, "--help");
            assertThat(run.exitCode()).as(name).isZero();
            assertThat(run.out()).as(name).contains("Examples:").contains("Exit codes:")
                    .doesNotContainPattern("default: PT[0-9]");
            assertThat(run.err()).as(name + " prints no picocli warning").isEmpty();
            // Each example is one line that can be pasted: none is wrapped onto a line of its own.
            String after = run.out().substring(run.out().indexOf("Examples:"));
            assertThat(after.lines().skip(1).takeWhile(line -> !line.isEmpty())).as(name).isNotEmpty()
                    .allMatch(line -> line.startsWith("  "));
        }
    }
}
