package dev.daytimeharness.client.load;

/** The ways one exchange under load can go wrong, counted apart so a user sees which. */
public enum ErrorKind {
    REFUSED, RESET, TIMEOUT, EMPTY, OTHER
}
