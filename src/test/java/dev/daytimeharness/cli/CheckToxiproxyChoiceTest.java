package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daytimeharness.conformance.Settings;
import dev.daytimeharness.target.Target;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * check resolves the Toxiproxy once, from --toxiproxy or $TOXIPROXY_URL, and the target follows
 * that choice: TOXIPROXY_URL=docker with a docker: target puts the target on a network of its own,
 * for the Toxiproxy container to reach it (it once read only --toxiproxy there, and never did).
 */
class CheckToxiproxyChoiceTest {

    private static CheckCommand check(Map<String, String> environment, String... args) {
        CheckCommand check = new CheckCommand();
        new CommandLine(check).parseArgs(args);
        check.options.environment = environment;
        return check;
    }

    @Test
    void toxiproxyUrlDockerPutsADockerTargetOnANetwork() {
        CheckCommand check = check(Map.of("TOXIPROXY_URL", "docker"), "docker:daytime-harness/xinetd:local", "--faults");
        Settings settings = check.settings();
        assertThat(settings.toxiproxy()).isEqualTo("docker");
        assertThat(check.target(settings))
                .isInstanceOfSatisfying(Target.Docker.class, d -> assertThat(d.onNetwork()).isEqualTo(true));
    }

    @Test
    void theOptionAndTheVariableAreTheSameChoice() {
        CheckCommand byOption = check(Map.of(), "docker:daytime-harness/xinetd:local", "--faults", "--toxiproxy", "docker");
        assertThat(byOption.target(byOption.settings()))
                .isInstanceOfSatisfying(Target.Docker.class, d -> assertThat(d.onNetwork()).isEqualTo(true));
    }

    @Test
    void withoutFaultsAStrayVariableChoosesNothing() {
        CheckCommand check = check(Map.of("TOXIPROXY_URL", "docker"), "docker:daytime-harness/xinetd:local");
        Settings settings = check.settings();
        assertThat(settings.toxiproxy()).isEmpty();
        assertThat(check.target(settings))
                .isInstanceOfSatisfying(Target.Docker.class, d -> assertThat(d.onNetwork()).isEqualTo(false));
    }

    @Test
    void toxiproxyUrlDockerWithAnotherTargetIsAUsageError() {
        CheckCommand check = check(Map.of("TOXIPROXY_URL", "docker"), "127.0.0.1:1313", "--faults");
        assertThatThrownBy(check::settings).isInstanceOf(UserError.class)
                .hasMessageContaining("docker needs a docker: target")
                .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
