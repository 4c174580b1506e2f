package dev.daytimeharness.conformance;

import dev.daytimeharness.protocol.Printable;

/**
 * One thing a check found wrong with the target.
 *
 * @param severity whether it fails the check
 * @param message one line a user can act on
 */
public record Finding(Severity severity, String message) {
    /**
     * Findings quote what servers and clients sent, and people read them on terminals and in
     * reports: control characters are escaped here, once, so no message can repaint a screen.
     */
    public Finding {
        message = Printable.escape(message);
    }

    public static Finding error(String message) {
        return new Finding(Severity.ERROR, message);
    }

    public static Finding warning(String message) {
        return new Finding(Severity.WARNING, message);
    }
}
