package dev.daytimeharness.conformance.checks;

import dev.daytimeharness.client.Datagrams;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.Settings;
import dev.daytimeharness.protocol.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Checks on how an exchange went: connecting, timing, closing, resets. */
public final class ExchangeChecks {
    private ExchangeChecks() {}

    public static Optional<Finding> connected(Exchange e, Duration deadline) {
        return e.connected() ? Optional.empty()
                : Optional.of(Finding.error("could not connect to " + e.endpoint() + " within "
                        + deadline.toMillis() + " ms: " + e.detail()));
    }

    /** RFC 867: the time "is sent out the connection" once it is established, unasked. */
    public static Optional<Finding> dataArrived(Exchange e, Duration deadline) {
        Optional<Finding> notConnected = connected(e, deadline);
        if (notConnected.isPresent() || e.reply().length > 0) {
            return notConnected;
        }
        return Optional.of(Finding.error(switch (e.outcome()) {
            case TIMEOUT -> "no data within " + deadline.toMillis() + " ms of connecting without the client"
                    + " sending anything (does the server wait for input?)";
            case CLOSED -> "the server closed the connection without sending anything";
            case RESET -> "the server reset the connection without sending anything";
            default -> "no data: " + e.detail();
        }));
    }

    /** RFC 867: "...and then the connection is closed" — by the server, after the reply. */
    public static Optional<Finding> closed(Exchange e, Duration deadline) {
        return switch (e.outcome()) {
            case CLOSED -> Optional.empty();
            case TIMEOUT -> Optional.of(Finding.error("the server sent " + e.reply().length
                    + " byte(s) and did not close the connection within " + deadline.toMillis() + " ms"));
            case TOO_LARGE -> Optional.of(Finding.error(overCap(e) + ", so the harness stopped reading before any"
                    + " close (a reply must fit a client's buffer, and the server must close after it)"));
            case RESET -> Optional.of(Finding.error("the server reset the connection instead of closing it"));
            default -> connected(e, deadline).or(() -> Optional.of(Finding.error(e.detail())));
        };
    }

    /**
     * What a reply past the read cap is, in the words a user needs: the harness stopped reading at
     * the cap, so neither a close nor a line ending after it was seen; and what it began with. A
     * server streaming without end and one sending a 10 MB line look the same up to the cap.
     */
    public static String overCap(Exchange e) {
        // Quote.of shortens what is over 60 characters, with "...".
        String head = new String(e.reply(), 0, Math.min(e.reply().length, 61), StandardCharsets.ISO_8859_1);
        return "the reply is longer than the read cap of " + e.reply().length + " bytes; it began "
                + ReplyChecks.Quote.of(head);
    }

    /**
     * Like {@link #closed}, but a reset after a whole line is only a warning: a server that closes
     * without reading what the client sent makes the kernel send a reset (the inetd family does).
     * The reply got through here, though on some systems a reset destroys unread data.
     */
    public static Optional<Finding> closedAfterInput(Exchange e, Duration deadline) {
        byte[] r = e.reply();
        if (e.outcome() == Outcome.RESET && r.length > 0 && r[r.length - 1] == '\n') {
            return Optional.of(Finding.warning("the server reset the connection after its reply, as it did not read"
                    + " what the client sent; on some systems the reset destroys the unread reply"));
        }
        return closed(e, deadline);
    }

    /** {@link #closed}, for the scenario about closing after the reply: with no reply it did not. */
    public static Optional<Finding> closedAfterReply(Exchange e, Duration deadline) {
        return replied(e, deadline).or(() -> closed(e, deadline));
    }

    /** {@link #notReset}, where a reply is expected: no reply is not "not cut short". */
    public static Optional<Finding> replyNotCutShort(Exchange e, Duration deadline) {
        return replied(e, deadline).or(() -> notReset(e));
    }

    public static Optional<Finding> notReset(Exchange e) {
        return e.outcome() == Outcome.RESET
                ? Optional.of(Finding.error("the connection was reset after " + e.reply().length
                        + " byte(s), before the reply was complete"))
                : Optional.empty();
    }

    /**
     * A check on the reply fails when there is none: with no bytes there is no slow start, no second
     * read and no echo to object to, which would otherwise pass a silent server.
     */
    public static Optional<Finding> replied(Exchange e, Duration deadline) {
        if (e.reply().length > 0) {
            return Optional.empty();
        }
        return connected(e, deadline).or(() -> Optional.of(Finding.error(switch (e.outcome()) {
            case TIMEOUT -> "no reply arrived within " + deadline.toMillis() + " ms";
            case CLOSED -> "no reply arrived: the exchange ended without a byte";
            case RESET -> "no reply arrived: the server reset the connection without sending anything";
            default -> "no reply arrived: " + e.detail();
        })));
    }

    public static Optional<Finding> prompt(Exchange e, Duration deadline) {
        return replied(e, deadline).or(() -> e.firstByteAfter()
                .filter(d -> d.compareTo(Settings.SLOW_REPLY) > 0)
                .map(d -> Finding.warning("the reply took " + d.toMillis() + " ms to start, over "
                        + Settings.SLOW_REPLY.toMillis() + " ms; impatient clients give up")));
    }

    /** Single-read clients (the classic sample reads once into 1024 bytes) get only the first part. */
    public static Optional<Finding> oneRead(Exchange e, Duration deadline) {
        return replied(e, deadline).or(() -> e.reads() <= 1 ? Optional.empty()
                : Optional.of(Finding.warning("the reply arrived in " + e.reads()
                        + " reads; a client that reads once gets only the first part")));
    }

    /** RFC 867: "Any data received is thrown away." */
    public static Optional<Finding> notEchoed(Exchange e, byte[] sent, Duration deadline) {
        Optional<Finding> none = replied(e, deadline);
        if (none.isPresent()) {
            return none;
        }
        String reply = new String(e.reply(), StandardCharsets.ISO_8859_1);
        String mine = new String(sent, StandardCharsets.ISO_8859_1);
        return !mine.isEmpty() && reply.contains(mine)
                ? Optional.of(Finding.error("the reply contains the data the client sent (" + ReplyChecks.Quote.of(mine)
                        + "); RFC 867 says it is thrown away"))
                : Optional.empty();
    }

    /** Every one of several clients got a whole reply. */
    public static Optional<Finding> allServed(List<Exchange> exchanges, Duration deadline) {
        long failed = exchanges.stream().filter(e -> !e.outcome().isComplete() || e.reply().length == 0).count();
        if (failed == 0) {
            return Optional.empty();
        }
        Exchange first = exchanges.stream().filter(e -> !e.outcome().isComplete() || e.reply().length == 0)
                .findFirst().orElseThrow();
        return Optional.of(Finding.error(failed + " of " + exchanges.size() + " concurrent clients got no complete"
                + " reply within " + deadline.toMillis() + " ms (first: " + first.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + ", " + first.reply().length + " bytes)"));
    }

    /** RFC 867 sends "the current date and time": a reply {@code apart} later must say a later time. */
    public static Optional<Finding> clockAdvanced(Timestamp first, Timestamp second, Duration apart) {
        return second.instant().isAfter(first.instant()) ? Optional.empty()
                : Optional.of(Finding.error("the clock did not advance: a reply " + apart.toMillis()
                        + " ms later still says " + second.instant()));
    }

    /**
     * RFC 867 over UDP: "an answering datagram is sent", one. More makes the server an amplifier: a
     * request with a forged source address sends the flood to someone else. Judged as replies per
     * request sent, as a retry after a slow first answer may rightly bring a second.
     */
    public static Optional<Finding> noAmplification(Datagrams d, Duration listened) {
        if (d.replies() <= d.requests()) {
            return Optional.empty();
        }
        return Optional.of(Finding.error(String.format(Locale.ROOT, "%d datagrams (%d bytes) came back for %d sent,"
                + " counted until %d ms after the first: an amplification factor of %s; RFC 867 sends one answering"
                + " datagram", d.replies(), d.replyBytes(), d.requests(), listened.toMillis(), factor(d.perRequest()))));
    }

    private static String factor(double f) {
        return f == Math.rint(f) ? String.valueOf((long) f) : String.format(Locale.ROOT, "%.1f", f);
    }

    /** RFC 867 over UDP: "When a datagram is received, an answering datagram is sent." */
    public static Optional<Finding> datagramBack(Exchange e, Duration deadline) {
        return e.outcome() == Outcome.CLOSED ? Optional.empty()
                : Optional.of(Finding.error("no datagram came back from " + e.endpoint() + " within "
                        + deadline.toMillis() + " ms" + (e.detail().isEmpty() ? "" : ": " + e.detail())));
    }
}
