package dev.daytimeharness.simulator;

import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.protocol.ReplyFormats;
import java.io.IOException;
import java.time.ZoneOffset;

/**
 * One way a daytime server can behave towards a client, good or bad, described as data. Each
 * behaviour is a small record in its own file; the socket mechanics live in {@link Stage}.
 */
public sealed interface Behaviour permits Good, Silent, NeverCloses, CloseWithoutSending, Oversized, Endless,
        NonAscii, Skewed, Frozen, WaitsForInput, ResetAfterAccept, PartialThenReset, Echo, OneAtATime, Fragmented,
        LfCr, Nist, InFormat, EmptyLine, LeadingBlankLine, NulTerminated, NoLineEnding, Slow, MultiLine, Amplifies {

    /** The stable name users type: {@code simulate --behaviour NAME}. */
    String name();

    /** One sentence: what a client observes. */
    String description();

    /** Plays the behaviour on one accepted connection; the simulator closes it afterwards. */
    void play(Stage stage) throws IOException;

    /**
     * Datagrams a UDP server of this behaviour sends for each it receives, or 0 when the behaviour
     * is about TCP only and {@code simulate} serves no UDP for it.
     */
    default int datagramsPerRequest() {
        return 0;
    }

    /** Whether clients must be served one at a time, queueing behind each other. */
    default boolean serialised() {
        return this instanceof OneAtATime;
    }

    /** The format behaviours write in: xinetd's, which names its zone, so clock checks are unambiguous. */
    default ReplyFormat format() {
        return ReplyFormats.XINETD;
    }

    /** The current time as one line of text, without its ending. */
    default String line(Stage stage) {
        return format().render(stage.now(), ZoneOffset.UTC);
    }
}
