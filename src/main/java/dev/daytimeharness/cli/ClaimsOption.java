package dev.daytimeharness.cli;

import dev.daytimeharness.conformance.Claims;
import dev.daytimeharness.conformance.DeclaredProfile;
import dev.daytimeharness.conformance.ExpectedFailures;
import dev.daytimeharness.conformance.ScenarioIndex;
import java.nio.file.Path;
import java.util.Optional;

/** Reads --expected-failures and --profile; a mistake in either is a usage error naming the file (and line). */
final class ClaimsOption {
    private ClaimsOption() {}

    static Claims read(Path expectedFailures, Path profile) {
        try {
            return new Claims(
                    expectedFailures == null ? ExpectedFailures.none()
                            : ExpectedFailures.read(expectedFailures, ScenarioIndex.packaged()),
                    profile == null ? Optional.empty() : Optional.of(DeclaredProfile.read(profile)));
        } catch (IllegalArgumentException e) {
            throw UserError.usage((expectedFailures != null && e.getMessage().startsWith(expectedFailures.toString())
                    ? "--expected-failures " : "--profile ") + e.getMessage());
        }
    }
}
