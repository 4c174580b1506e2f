package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What every command shares: the command table, help, and no command at all. */
class MainTest {

    @Test
    void noCommandIsAUsageErrorWithTheUsageOnStderr() {
        CliRun run = CliRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("name a command").contains("Usage: daytime-harness");
        assertThat(run.out()).isEmpty();
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
        }
    }
}
