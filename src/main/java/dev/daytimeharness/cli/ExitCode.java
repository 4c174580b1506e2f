package dev.daytimeharness.cli;

/** The exit codes of every command, in one place; the README and --help list the same. */
public final class ExitCode {
    /** The run succeeded: a reply was read, or a check found no errors. */
    public static final int OK = 0;
    /** A failure was found: a network or protocol failure, or a check with at least one error. */
    public static final int FAILURE = 1;
    /** The command line was wrong: an unknown option, a bad port, a bad duration. */
    public static final int USAGE = 2;

    /** For picocli footers; {@code %n} is picocli's line break. */
    public static final String HELP = "Exit codes:%n"
            + "  0  success: no errors (warnings may be printed)%n"
            + "  1  failure: a network or protocol failure, or a check found an error%n"
            + "  2  usage error: a bad option, port, duration or target";

    private ExitCode() {}
}
