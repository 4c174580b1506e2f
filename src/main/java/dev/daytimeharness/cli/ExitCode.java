package dev.daytimeharness.cli;

/** The exit codes of every command, in one place; the README and --help list the same. */
public final class ExitCode {
    /** The run succeeded: a reply was read, or a check found no errors. */
    public static final int OK = 0;
    /** A failure was found: a network or protocol failure, or a check with at least one error. */
    public static final int FAILURE = 1;
    /** The command line was wrong: an unknown option, a bad port, a bad duration. */
    public static final int USAGE = 2;
    /** check and check-client only: nothing could be tested (no target, Toxiproxy, Docker engine or report). */
    public static final int COULD_NOT_TEST = 3;

    /** For picocli footers; {@code %n} is picocli's line break. */
    public static final String HELP = "Exit codes:%n"
            + "  0  success: no errors (warnings may be printed)%n"
            + "  1  failure: a network or protocol failure, or a check found an error%n"
            + "  2  usage error: a bad option, port, duration or target";

    /** The codes of check and check-client, which also tell "could not test" from "found problems". */
    public static final String CHECK_HELP = "Exit codes:%n"
            + "  0  conformant: no failures (warnings, xfail and skips allowed)%n"
            + "  1  conformance failures found (FAIL, or XPASS: an expected failure that passed)%n"
            + "  2  usage error: a bad option, target, --tags, --expected-failures or --profile%n"
            + "  3  could not test: the target never answered, no Toxiproxy, no Docker engine or image,%n"
            + "     or the report cannot be written (or another run is writing that --report)";

    private ExitCode() {}
}
