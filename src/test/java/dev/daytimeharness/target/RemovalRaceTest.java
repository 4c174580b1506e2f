package dev.daytimeharness.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An interrupted {@code check docker:} once printed Docker's 409 ConflictException: Testcontainers'
 * exit hook and the harness's both remove the run's containers, and Testcontainers' does not
 * catch being second. The race is a matter of timing, so it is replayed here without an engine.
 */
@Tag("probe")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemovalRaceTest {

    @Test
    void aRemovalRaceAtExitPrintsNothingButOtherFailuresStillShow() throws Exception {
        String err = exit("quiet");
        assertThat(err).doesNotContain("ConflictException").contains("a real failure in a hook");
    }

    @Test
    void withoutTheHandlerTheRaceIsAStackTrace() throws Exception {
        assertThat(exit("plain")).contains("ConflictException");
    }

    private static String exit(String mode) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), RemovalRaceMain.class.getName(), mode)
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
