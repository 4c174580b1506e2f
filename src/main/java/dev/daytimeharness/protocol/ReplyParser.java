package dev.daytimeharness.protocol;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

/** Reads the facts out of the raw bytes of a daytime reply. Never throws on odd input. */
public final class ReplyParser {
    /** No daytime line is longer; past this, a reply is judged by its shape alone, keeping parsing linear. */
    private static final int MAX_EXAMINED = 1024;

    private ReplyParser() {}

    /**
     * @param reply the bytes exactly as received
     * @param assumedZone the zone to read a timestamp in when the text names none
     */
    public static ReplyFacts parse(byte[] reply, ZoneId assumedZone) {
        ReplyShape whole = ReplyShape.of(reply);
        ReplyShape head = reply.length <= MAX_EXAMINED ? whole : ReplyShape.of(Arrays.copyOf(reply, MAX_EXAMINED));
        Optional<Timestamp> timestamp = Optional.empty();
        for (String line : head.lines()) {
            timestamp = read(line, assumedZone);
            if (timestamp.isPresent()) {
                break;
            }
        }
        return new ReplyFacts(reply.length, whole.chars(), whole.lines().size(), whole.lineEnding(),
                whole.leadingBlankLines(), whole.trailingBlankLines(), String.join("\n", head.lines()), timestamp);
    }

    /** Reads one line of text as a timestamp in any known format. */
    public static Optional<Timestamp> read(String line, ZoneId assumedZone) {
        String text = line.strip();
        for (TimestampReader reader : KnownFormats.ALL) {
            Optional<Timestamp> t = reader.read(text, assumedZone);
            if (t.isPresent()) {
                Timestamp found = t.get();
                String name = KnownFormats.refine(found.format(), text);
                return Optional.of(new Timestamp(found.instant(), name, found.zone(), found.zoneAssumed(),
                        found.resolution(), found.nist()));
            }
        }
        return Optional.empty();
    }
}
