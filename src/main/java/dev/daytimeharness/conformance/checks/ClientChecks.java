package dev.daytimeharness.conformance.checks;

import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.clients.ClientRun;
import dev.daytimeharness.protocol.ReplyParser;
import dev.daytimeharness.protocol.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** How a client under test coped with a server: each check returns the finding, or nothing. */
public final class ClientChecks {
    private ClientChecks() {}

    /** Exit 0, and the served timestamp on stdout whole. */
    public static Optional<Finding> printedWhole(ClientRun run, Served served, boolean warningOnly) {
        Optional<Finding> hung = notKilled(run).or(() -> servedSomething(run, served));
        if (hung.isPresent()) {
            return hung;
        }
        String text = served(served.bytes());
        if (run.exitCode() != 0) {
            return finding(warningOnly, "the client failed (exit " + run.exitCode() + ") on a reply it should print: "
                    + firstLine(run.stderr()));
        }
        if (!printedWhole(run.stdout(), served.bytes())) {
            return finding(warningOnly, "the client printed " + quote(run.stdout()) + ", not the whole timestamp "
                    + quote(text));
        }
        return Optional.empty();
    }

    /** Exit 0 and the served timestamp on stdout once: a reply that came twice is still one reply. */
    public static Optional<Finding> printedOnce(ClientRun run, Served served) {
        Optional<Finding> whole = printedWhole(run, served, false);
        if (whole.isPresent()) {
            return whole;
        }
        String text = served(served.bytes());
        // 0 where the client tidied the text and the parser recognised it: printedWhole has passed it.
        int times = (run.stdout().length() - run.stdout().replace(text, "").length()) / text.length();
        return times <= 1 ? Optional.empty()
                : Optional.of(Finding.error("the client printed the timestamp " + times + " times for one request"
                        + " whose reply came twice"));
    }

    /**
     * Whether the output holds the served timestamp whole: as it was sent (inside whatever a tool
     * prints around it, as nmap's "|_daytime: "), or on a line of its own that the protocol's
     * parser reads as the same instant in the same format. So spacing a client tidied (ctime's two
     * spaces before a one-digit day) still counts, while a cut-short line does not, even where
     * what is left reads as another format ("24 NOV 2026 16:37:29" without its " UTC").
     */
    static boolean printedWhole(String stdout, byte[] served) {
        if (stdout.contains(served(served))) {
            return true;
        }
        Instant now = Instant.now();
        Optional<Timestamp> sent = ReplyParser.parse(served, ZoneOffset.UTC, now).timestamp();
        return sent.isPresent() && stdout.lines().map(line -> ReplyParser.read(line, ZoneOffset.UTC, now)).flatMap(Optional::stream)
                .anyMatch(t -> t.instant().equals(sent.get().instant()) && t.format().equals(sent.get().format()));
    }

    /** A non-zero exit, by itself, within the deadline. */
    public static Optional<Finding> failedInTime(ClientRun run, boolean withMessage) {
        Optional<Finding> hung = notKilled(run);
        if (hung.isPresent()) {
            return hung;
        }
        if (run.exitCode() == 0) {
            return Optional.of(Finding.error("the client exited 0 (printing " + quote(run.stdout())
                    + ") where there was no valid reply"));
        }
        if (withMessage && run.stderr().isBlank() && run.stdout().isBlank()) {
            return Optional.of(Finding.error("the client failed (exit " + run.exitCode() + ") without a word of why"));
        }
        return Optional.empty();
    }

    /** Either the whole reply with exit 0, or a clean failure; never a silent truncation or a hang. */
    public static Optional<Finding> wholeOrCleanFailure(ClientRun run, Served served) {
        Optional<Finding> absent = reachedServer(run, served);
        if (absent.isPresent()) {
            return absent;
        }
        Optional<Finding> hung = notKilled(run);
        if (hung.isPresent() || run.exitCode() != 0) {
            return hung.or(() -> failedInTime(run, true));
        }
        Optional<Finding> nothing = servedSomething(run, served);
        if (nothing.isPresent()) {
            return nothing;
        }
        String text = served(served.bytes());
        return run.stdout().contains(text) ? Optional.empty()
                : Optional.of(Finding.error("the client exited 0 but printed " + run.stdout().strip().length()
                        + " of the " + text.length() + " characters served: a silent truncation"));
    }

    /** The line, or a timeout with a non-zero exit; never a hang until killed. */
    public static Optional<Finding> lineOrTimeout(ClientRun run, Served served) {
        Optional<Finding> absent = reachedServer(run, served);
        if (absent.isPresent()) {
            return absent;
        }
        Optional<Finding> hung = notKilled(run);
        if (hung.isPresent() || run.exitCode() != 0) {
            return hung;
        }
        return printedWhole(run, served, false);
    }

    /**
     * A scenario about how the client handles a server's behaviour tests nothing if the client never
     * met that server: failing, or stopping in time, proves nothing then.
     */
    public static Optional<Finding> reachedServer(ClientRun run, Served served) {
        return served.reached() ? Optional.empty()
                : Optional.of(Finding.error("the client never connected to the server (nor sent it a datagram), so"
                        + " this scenario tested nothing (it exited " + run.exitCode() + " after " + run.took().toMillis()
                        + " ms)"));
    }

    public static Optional<Finding> notKilled(ClientRun run) {
        return run.killed()
                ? Optional.of(Finding.error("the client hung until the harness killed it at "
                        + run.took().toMillis() + " ms (--client-timeout)"))
                : Optional.empty();
    }

    /**
     * Output is judged against what was served, so there must be something: a client that never
     * connected, or was sent only blanks, would otherwise "print the reply" whatever it printed.
     * Always an error, also where mangling is only a warning: no reply was printed at all.
     */
    static Optional<Finding> servedSomething(ClientRun run, Served served) {
        return reachedServer(run, served).or(() -> served(served.bytes()).isEmpty()
                ? Optional.of(Finding.error("nothing was served, so nothing printed can be the reply (it exited "
                        + run.exitCode() + ", printing " + quote(run.stdout()) + ")"))
                : Optional.empty());
    }

    /** The served reply's text, without its line endings, NULs and surrounding blanks. */
    static String served(byte[] served) {
        return new String(served, StandardCharsets.ISO_8859_1).replace("\0", "").strip();
    }

    private static Optional<Finding> finding(boolean warningOnly, String message) {
        return Optional.of(warningOnly ? Finding.warning(message) : Finding.error(message));
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("(no message)");
    }

    private static String quote(String s) {
        return ReplyChecks.Quote.of(s.strip());
    }
}
