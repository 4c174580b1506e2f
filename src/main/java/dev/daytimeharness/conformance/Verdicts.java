package dev.daytimeharness.conformance;

import java.util.Optional;
import java.util.function.Consumer;
import org.opentest4j.TestAbortedException;

/**
 * Turns a scenario's findings into Cucumber's verdicts: an error fails the scenario, a warning is
 * logged (and fails it with --strict), and a check that cannot be made is skipped with its reason.
 */
public final class Verdicts {
    /** How a warning travels in the scenario's log, where the live report and the reports find it. */
    public static final String WARNING_PREFIX = "WARNING: ";

    private final boolean strict;
    private final Consumer<String> log;

    public Verdicts(boolean strict, Consumer<String> log) {
        this.strict = strict;
        this.log = log;
    }

    public void apply(Optional<Finding> finding) {
        finding.ifPresent(this::apply);
    }

    public void apply(Finding finding) {
        if (finding.severity() == Severity.ERROR) {
            throw new AssertionError(finding.message());
        }
        if (strict) {
            throw new AssertionError(finding.message() + " (a warning, failed by --strict)");
        }
        log.accept(WARNING_PREFIX + finding.message());
    }

    /** Ends the scenario as skipped; the reason is printed with it, never silently dropped. */
    public static RuntimeException skip(String reason) {
        return new TestAbortedException(reason);
    }
}
