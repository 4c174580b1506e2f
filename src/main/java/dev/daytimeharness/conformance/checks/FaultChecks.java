package dev.daytimeharness.conformance.checks;

import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.client.ReadFailure;
import dev.daytimeharness.client.Reading;
import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.protocol.ClockOffset;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How the reference client fared through a network fault: each check returns the finding, or
 * nothing. They judge the client's typed {@link Reading}, never the words it prints, so rewording a
 * message changes no verdict.
 */
public final class FaultChecks {
    /** {@code get}'s exit codes (README): 0 the time was read, 1 it was not. */
    private static final int OK = 0;
    private static final int FAILURE = 1;
    /** System.nanoTime counts in nanoseconds but is read to the microsecond here: 1 ms is ample. */
    private static final double CLOCK_RESOLUTION_MS = 1.0;

    private FaultChecks() {}

    /** The failures a fault scenario expects, by the words its Gherkin uses for them. */
    public enum Reported {
        RESET("connection reset", f -> isNetwork(f, Outcome.RESET)),
        REFUSED("connection refused", f -> isNetwork(f, Outcome.REFUSED)),
        NO_REPLY("no reply", f -> f instanceof ReadFailure.Network n && n.outcome() == Outcome.TIMEOUT
                && n.exchange().reply().length == 0),
        TRUNCATED("looks truncated", f -> f instanceof ReadFailure.Truncated);

        private final String words;
        private final Predicate<ReadFailure> matches;

        Reported(String words, Predicate<ReadFailure> matches) {
            this.words = words;
            this.matches = matches;
        }

        public static Reported byWords(String words) {
            return Arrays.stream(values()).filter(r -> r.words.equals(words)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no failure is called \"" + words + "\"; known: "
                            + Arrays.stream(values()).map(r -> r.words).collect(Collectors.joining(", "))));
        }

        public boolean resetOrRefusal() {
            return this == RESET || this == REFUSED;
        }
    }

    /** The client read a recognisable time through the fault. */
    public static Optional<Finding> succeeded(Reading r) {
        if (r.failure().isPresent()) {
            return Optional.of(Finding.error("the reference client failed through the fault (exit " + FAILURE + "): "
                    + r.failure().get().message()));
        }
        return r.facts().timestamp().isPresent() ? Optional.empty()
                : Optional.of(Finding.error("the reply through the fault holds no recognisable time"));
    }

    /**
     * The client failed, with {@code exitCode}, and reported {@code expected}.
     *
     * @param hidesResets whether the Toxiproxy sits behind Docker's port proxy, which turns resets
     *                    and refusals into plain closes before the client can see them
     */
    public static Optional<Finding> failedWith(Reading r, int exitCode, Reported expected, boolean hidesResets) {
        int exit = r.succeeded() ? OK : FAILURE;
        boolean sawClose = r.failure().filter(f -> isNetwork(f, Outcome.CLOSED)).isPresent();
        if (exit == exitCode && sawClose && hidesResets && expected.resetOrRefusal()) {
            return Optional.of(Finding.warning("the client saw a plain close, not \"" + expected.words + "\": Docker's"
                    + " port proxy in front of the Toxiproxy container turns resets and refusals into closes"));
        }
        boolean reported = r.failure().filter(expected.matches).isPresent();
        if (exit != exitCode || !reported) {
            return Optional.of(Finding.error("expected exit " + exitCode + " and \"" + expected.words + "\", got exit "
                    + exit + " and \"" + r.failure().map(ReadFailure::message).orElse("") + "\""));
        }
        return Optional.empty();
    }

    /** The reply began no sooner than {@code ms} after the client began to connect (a latency must delay it). */
    public static Optional<Finding> replyStartsAtLeast(Reading r, int ms) {
        return atLeast(sinceConnecting(r.exchange(), r.exchange().firstByteAfter()), ms, "the reply started");
    }

    /** The connection closed no sooner than {@code ms} after the client began to connect (a slow close must delay it). */
    public static Optional<Finding> closesAtLeast(Reading r, int ms) {
        return atLeast(sinceConnecting(r.exchange(), r.exchange().endAfter()), ms, "the connection closed");
    }

    /** The clock offset's uncertainty grew with the round trip, as it must. */
    public static Optional<Finding> uncertaintyAtLeast(Reading r, int ms) {
        double v = r.facts().timestamp()
                .map(t -> ClockOffset.measure(t, r.exchange().requestedAt(), r.exchange().receivedAt()))
                .map(o -> o.uncertainty().toNanos() / 1e6).orElse(Double.NaN);
        return atLeast(v, ms, "the clock-offset uncertainty was");
    }

    /** The reply began within {@code ms} of connecting (a slow close must not hold the data back). */
    public static Optional<Finding> replyStartsWithin(Reading r, int ms) {
        long v = millis(r.exchange().firstByteAfter());
        return v >= 0 && v <= ms ? Optional.empty()
                : Optional.of(Finding.error("the reply started after " + v + " ms, not within " + ms + " ms"));
    }

    /** The exchange was over within {@code ms}: a client that gives up must do so by its own deadline. */
    public static Optional<Finding> endedWithin(Reading r, int ms) {
        long v = millis(r.exchange().endAfter());
        return v >= 0 && v <= ms ? Optional.empty()
                : Optional.of(Finding.error("the client gave up after " + v + " ms, not within " + ms + " ms"));
    }

    /** The reply holds one timestamp line: a duplicated datagram must not show as a second time. */
    public static Optional<Finding> oneLine(Reading r) {
        int lines = r.facts().lineCount();
        return lines == 1 ? Optional.empty()
                : Optional.of(Finding.error("the client showed " + lines + " lines where one timestamp came: \""
                        + r.facts().text().strip() + "\""));
    }

    /** The whole line came, in more than one read: the slicer split it and the client put it together. */
    public static Optional<Finding> wholeInManyReads(Reading r) {
        return succeeded(r).or(() -> r.exchange().reads() > 1 ? Optional.empty()
                : Optional.of(Finding.error("the reply arrived in " + r.exchange().reads()
                        + " read(s); the slicer should have split it")));
    }

    /**
     * A toxic's timer (latency, slow_close) starts when the proxy reads from the server, which is
     * after the client began to connect, and neither Go's timers nor the embedded proxy's fire
     * early: so measured from the connect call the figure is at least the toxic's, less the
     * clock's resolution. (Measured from when connect() returned, it is not: that return can come
     * a few milliseconds after the proxy has already read the reply.)
     */
    private static Optional<Finding> atLeast(double measured, int ms, String what) {
        return !Double.isNaN(measured) && measured >= ms - CLOCK_RESOLUTION_MS ? Optional.empty()
                : Optional.of(Finding.error(String.format(Locale.ROOT,
                        "%s %.3f ms after the client began to connect, expected at least %d ms", what, measured, ms)));
    }

    /** From the connect call to {@code after} past the connection, to the microsecond; NaN when either is missing. */
    private static double sinceConnecting(Exchange e, Optional<Duration> after) {
        return e.connectTime().flatMap(c -> after.map(a -> c.plus(a).toNanos() / 1000 / 1e3)).orElse(Double.NaN);
    }

    private static long millis(Optional<Duration> d) {
        return d.map(Duration::toMillis).orElse(-1L);
    }

    private static boolean isNetwork(ReadFailure f, Outcome outcome) {
        return f instanceof ReadFailure.Network n && n.outcome() == outcome;
    }
}
