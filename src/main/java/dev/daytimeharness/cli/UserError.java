package dev.daytimeharness.cli;

/**
 * A failure to report to the user as one line, with the exit code it stands for.
 * Main prints the message alone; the stack trace only with --verbose.
 */
public final class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static UserError usage(String message) {
        return new UserError(ExitCode.USAGE, message);
    }

    public static UserError failure(String message) {
        return new UserError(ExitCode.FAILURE, message);
    }

    public int exitCode() {
        return exitCode;
    }
}
