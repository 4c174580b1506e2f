package dev.daytimeharness.conformance;

import java.util.Optional;
import java.util.function.Consumer;
import org.opentest4j.TestAbortedException;

/**
 * Turns a scenario's findings into Cucumber's verdicts: an error fails the scenario, a warning is
 * recorded (and fails it with --strict), and a check that cannot be made is skipped with its reason.
 * Every finding goes to {@code record} first, so the report gets it as the check made it.
 */
public final class Verdicts {
    /** Added to a warning that fails a scenario only because of --strict. */
    public static final String STRICT_SUFFIX = " (a warning, failed by --strict)";

    private final boolean strict;
    private final Consumer<Finding> record;

    public Verdicts(boolean strict, Consumer<Finding> record) {
        this.strict = strict;
        this.record = record;
    }

    public void apply(Optional<Finding> finding) {
        finding.ifPresent(this::apply);
    }

    public void apply(Finding finding) {
        record.accept(finding);
        if (finding.severity() == Severity.ERROR) {
            throw new AssertionError(finding.message());
        }
        if (strict) {
            throw new AssertionError(finding.message() + STRICT_SUFFIX);
        }
    }

    /** Ends the scenario as skipped; the reason is printed with it, never silently dropped. */
    public static RuntimeException skip(String reason) {
        return new TestAbortedException(reason);
    }
}
