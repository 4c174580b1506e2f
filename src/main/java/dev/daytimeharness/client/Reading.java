package dev.daytimeharness.client;

import dev.daytimeharness.protocol.LineEnding;
import dev.daytimeharness.protocol.ReplyFacts;
import dev.daytimeharness.protocol.ReplyParser;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the reference client made of one exchange: the exchange, what the parser found in the reply,
 * and, when the user got no time from it, why. {@code get} prints it; the checks judge it.
 *
 * @param exchange the exchange as it happened
 * @param facts what the parser found in the reply
 * @param failure why there is no time to show, empty when there is
 */
public record Reading(Exchange exchange, ReplyFacts facts, Optional<ReadFailure> failure) {

    /**
     * @param timeout the deadline the exchange had, for the message when it ran out
     * @param zone the zone to read a timestamp in when it names none
     */
    public static Reading of(Exchange e, Duration timeout, ZoneId zone) {
        ReplyFacts facts = ReplyParser.parse(e.reply(), zone, e.receivedAt());
        return new Reading(e, facts, judge(e, facts, timeout));
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }

    private static Optional<ReadFailure> judge(Exchange e, ReplyFacts facts, Duration timeout) {
        if (e.outcome() != Outcome.CLOSED || e.reply().length == 0) {
            return Optional.of(new ReadFailure.Network(e, timeout));
        }
        if (facts.text().isBlank()) {
            return Optional.of(new ReadFailure.NoTime(e.endpoint(), facts.length()));
        }
        if (facts.lineEnding() == LineEnding.NONE && !facts.formatRecognised()) {
            return Optional.of(new ReadFailure.Truncated(e.endpoint(), facts.length(), facts.text()));
        }
        return Optional.empty();
    }
}
