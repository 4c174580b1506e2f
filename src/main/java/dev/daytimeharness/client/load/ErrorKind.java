package dev.daytimeharness.client.load;

import dev.daytimeharness.client.SocketFailure;

/** The ways one exchange under load can go wrong, counted apart so a user sees which. */
public enum ErrorKind {
    REFUSED, RESET, TIMEOUT, EMPTY, OTHER;

    /** How a failed socket call counts. */
    static ErrorKind of(SocketFailure failure) {
        return switch (failure) {
            case REFUSED -> REFUSED;
            case RESET -> RESET;
            case TIMEOUT -> TIMEOUT;
            default -> OTHER;
        };
    }
}
