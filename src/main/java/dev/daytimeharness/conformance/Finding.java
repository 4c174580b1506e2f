package dev.daytimeharness.conformance;

/**
 * One thing a check found wrong with the target.
 *
 * @param severity whether it fails the check
 * @param message one line a user can act on
 */
public record Finding(Severity severity, String message) {
    public static Finding error(String message) {
        return new Finding(Severity.ERROR, message);
    }

    public static Finding warning(String message) {
        return new Finding(Severity.WARNING, message);
    }
}
