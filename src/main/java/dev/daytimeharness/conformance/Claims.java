package dev.daytimeharness.conformance;

import java.util.Optional;

/**
 * What an implementation's CI says of it before the run: the failures it accepts for now
 * ({@code --expected-failures}) and the profile it claims ({@code --profile}).
 *
 * @param expectedFailures the accepted failures; none by default
 * @param profile the claimed profile, if one was given
 */
public record Claims(ExpectedFailures expectedFailures, Optional<DeclaredProfile> profile) {
    public static Claims none() {
        return new Claims(ExpectedFailures.none(), Optional.empty());
    }

    /** Whether the profile rules out a transport ({@code tcp}, {@code udp}); without a profile nothing is. */
    public boolean disclaims(String transport) {
        return profile.map(p -> !p.claims(transport)).orElse(false);
    }
}
