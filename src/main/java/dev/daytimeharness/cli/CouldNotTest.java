package dev.daytimeharness.cli;

import java.util.function.Supplier;

/**
 * For check and check-client: a setup step that fails (no Toxiproxy, no Docker engine, a target
 * that will not start) means nothing was tested, exit 3, not that the implementation failed.
 */
final class CouldNotTest {
    private CouldNotTest() {}

    static <T> T unless(Supplier<T> setup) {
        try {
            return setup.get();
        } catch (UserError e) {
            throw e.exitCode() == ExitCode.FAILURE ? new UserError(ExitCode.COULD_NOT_TEST, e.getMessage(), e) : e;
        }
    }
}
