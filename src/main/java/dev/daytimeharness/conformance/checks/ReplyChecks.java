package dev.daytimeharness.conformance.checks;

import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.protocol.CharClasses;
import dev.daytimeharness.protocol.ClockOffset;
import dev.daytimeharness.protocol.LineEnding;
import dev.daytimeharness.protocol.Printable;
import dev.daytimeharness.protocol.ReadingChoice;
import dev.daytimeharness.protocol.ReplyFacts;
import dev.daytimeharness.protocol.Timestamp;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Checks on the content of one reply. Each returns the finding, or nothing when the reply is right. */
public final class ReplyChecks {
    private ReplyChecks() {}

    /** RFC 867: "the daytime should be just ASCII printing characters, space, carriage return, and line feed". */
    public static Optional<Finding> ascii(ReplyFacts facts, byte[] reply) {
        Optional<Finding> none = nothingToJudge(facts);
        if (none.isPresent()) {
            return none;
        }
        if (facts.chars().isAscii()) {
            return Optional.empty();
        }
        int at = 0;
        while (at < reply.length && reply[at] >= 0) {
            at++;
        }
        return Optional.of(Finding.error(String.format(Locale.ROOT, "%d byte(s) are not ASCII (the first, 0x%02X, at offset %d)",
                facts.chars().nonAscii(), reply[at] & 0xFF, at)));
    }

    public static Optional<Finding> notEmpty(ReplyFacts facts) {
        if (facts.length() == 0) {
            return Optional.of(Finding.error("the reply is empty"));
        }
        if (facts.text().isBlank()) {
            return Optional.of(Finding.error("the reply holds no text, only " + facts.length() + " byte(s) of line endings or blanks"));
        }
        return Optional.empty();
    }

    public static Optional<Finding> formatRecognised(ReplyFacts facts) {
        return nothingToJudge(facts).or(() -> facts.formatRecognised() ? Optional.empty()
                : Optional.of(Finding.warning("format unrecognised: " + Quote.of(facts.text())
                        + " (so the clock could not be checked)")));
    }

    /** With {@code --profile}: the reply must be in the format the implementation declares. */
    public static Optional<Finding> formatAsDeclared(ReplyFacts facts, String declared) {
        String found = facts.timestamp().map(Timestamp::format).orElse("no recognised format");
        return found.equals(declared) ? Optional.empty()
                : Optional.of(Finding.error("the reply is in " + found + ", but the profile declares " + declared
                        + ": " + Quote.of(facts.text())));
    }

    public static Optional<Finding> zoneStated(Timestamp t) {
        return t.zoneAssumed()
                ? Optional.of(Finding.warning("the timestamp names no time zone; read as " + t.zone()
                        + " (set --zone if the server runs on another)"))
                : Optional.empty();
    }

    public static Optional<Finding> clockWithin(ClockOffset offset, Duration tolerance) {
        return offset.within(tolerance) ? Optional.empty()
                : Optional.of(Finding.error("the clock is off by " + offset.describe()
                        + ", outside the tolerance of ±" + tolerance.toSeconds() + " s (--skew)"));
    }

    /**
     * The clock check on a timestamp read from text that may have had several readings: the nearest
     * to our clock is judged, and when even that one is further than {@link ReadingChoice#BOUND}, the
     * text cannot be a right clock under any reading, whatever the tolerance.
     */
    public static Optional<Finding> clockWithin(Timestamp t, ClockOffset offset, Duration tolerance) {
        Optional<ReadingChoice> choice = t.choice();
        if (choice.isPresent() && !choice.get().decided()) {
            ReadingChoice c = choice.get();
            return Optional.of(Finding.error("no reading of the timestamp is within " + ReadingChoice.span(ReadingChoice.BOUND)
                    + " of our clock: the nearest, " + c.chosen() + ", is " + ReadingChoice.span(c.chosenOff()) + " off ("
                    + offset.describe() + ")"
                    + "; the " + c.other() + " reading is " + ReadingChoice.span(c.otherOff()) + " off"));
        }
        return clockWithin(offset, tolerance).map(f -> choice.isEmpty() ? f
                : new Finding(f.severity(), f.message() + "; " + choice.get().describe()));
    }

    /** RFC 867 recommends "a single line"; several lines confuse clients that print the first. */
    public static Optional<Finding> singleLine(ReplyFacts facts) {
        return nothingToJudge(facts).or(() -> facts.lineCount() <= 1 && facts.leadingBlankLines() == 0 ? Optional.empty()
                : Optional.of(Finding.warning("the reply has " + facts.lineCount() + " line(s) of text and "
                        + facts.leadingBlankLines() + " leading blank line(s); RFC 867 suggests one line")));
    }

    public static Optional<Finding> noControlCharacters(ReplyFacts facts) {
        Optional<Finding> none = nothingToJudge(facts);
        if (none.isPresent()) {
            return none;
        }
        CharClasses c = facts.chars();
        if (c.nul() == 0 && c.control() == 0) {
            return Optional.empty();
        }
        return Optional.of(Finding.warning("the reply holds " + c.nul() + " NUL byte(s) and " + c.control()
                + " other control character(s); clients that print it may show garbage"));
    }

    /**
     * The line ending the implementation's profile declares: a reply that ends its lines otherwise
     * breaks the promise its CI is judged by, so it fails, where the CR LF check alone only warns.
     * A reply cut at the read cap, or with nothing in it, is left to the other checks.
     */
    public static Optional<Finding> lineEndingAsDeclared(Observation o, LineEnding declared) {
        LineEnding found = o.facts().lineEnding();
        if (o.exchange().outcome() == Outcome.TOO_LARGE || nothingToJudge(o.facts()).isPresent() || found == declared) {
            return Optional.empty();
        }
        return Optional.of(Finding.error("the reply ends its lines with " + found + ", but the profile declares "
                + declared));
    }

    /** As {@link #endsWithCrLf(ReplyFacts)}; past the read cap the line ending was never read. */
    public static Optional<Finding> endsWithCrLf(Observation o) {
        if (o.exchange().outcome() == Outcome.TOO_LARGE) {
            return Optional.of(Finding.warning(ExchangeChecks.overCap(o.exchange()) + ", so its line ending,"
                    + " if it has one, was not seen"));
        }
        return endsWithCrLf(o.facts());
    }

    /** As {@link #fitsBuffer(ReplyFacts, int)}, saying a reply cut at the read cap was longer still. */
    public static Optional<Finding> fitsBuffer(Observation o, int bufferBytes) {
        if (o.exchange().outcome() == Outcome.TOO_LARGE) {
            return Optional.of(Finding.error(ExchangeChecks.overCap(o.exchange()) + ", far over a " + bufferBytes
                    + "-byte read buffer (--max-reply); the classic client truncates it"));
        }
        return fitsBuffer(o.facts(), bufferBytes);
    }

    public static Optional<Finding> endsWithCrLf(ReplyFacts facts) {
        Optional<Finding> none = nothingToJudge(facts);
        if (none.isPresent()) {
            return none;
        }
        LineEnding e = facts.lineEnding();
        return switch (e) {
            case CRLF -> Optional.empty();
            case NONE -> Optional.of(Finding.warning("the reply has no line ending; line-reading clients wait for one"));
            case LFCR -> Optional.of(Finding.warning("the reply ends lines with \\n\\r, reversed from CR LF"));
            default -> Optional.of(Finding.warning("the reply ends lines with " + e + ", not CR LF"));
        };
    }

    public static Optional<Finding> fitsBuffer(ReplyFacts facts, int bufferBytes) {
        return nothingToJudge(facts).or(() -> facts.length() <= bufferBytes ? Optional.empty()
                : Optional.of(Finding.error("the reply is " + facts.length() + " bytes, over a " + bufferBytes
                        + "-byte read buffer (--max-reply); the classic client truncates it")));
    }

    /**
     * No bytes at all is a failure of every check on the reply, never a pass: an empty reply has no
     * bad byte, no second line and no excess length, so each check would otherwise find nothing to
     * object to. Only the empty reply: a reply of blanks is judged like any other.
     */
    static Optional<Finding> nothingToJudge(ReplyFacts facts) {
        return facts.length() > 0 ? Optional.empty()
                : Optional.of(Finding.error("no reply arrived (0 bytes), so there is nothing to judge"));
    }

    /** Small helper to show a reply's text in a message without flooding the terminal. */
    static final class Quote {
        private Quote() {}

        static String of(String text) {
            String t = text.length() > 60 ? text.substring(0, 57) + "..." : text;
            return "\"" + Printable.escape(t) + "\"";
        }
    }
}
