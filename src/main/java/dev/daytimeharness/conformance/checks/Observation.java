package dev.daytimeharness.conformance.checks;

import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.protocol.ReplyFacts;
import dev.daytimeharness.protocol.ReplyParser;
import java.time.ZoneId;

/** One exchange and what the parser made of its reply: what every reply check judges. */
public record Observation(Exchange exchange, ReplyFacts facts) {
    public static Observation of(Exchange exchange, ZoneId assumedZone) {
        return new Observation(exchange, ReplyParser.parse(exchange.reply(), assumedZone, exchange.receivedAt()));
    }
}
