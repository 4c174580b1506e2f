package dev.daytimeharness.simulator;

import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.protocol.ReplyFormats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Every behaviour by name, with the settings a user can give them. */
public final class Behaviours {
    private Behaviours() {}

    /** Every behaviour, with its default settings. */
    public static List<Behaviour> all() {
        return all(Duration.ofHours(1), ReplyFormats.CTIME);
    }

    /**
     * @param skew how far {@code skewed} is off
     * @param format what {@code format} writes
     */
    public static List<Behaviour> all(Duration skew, ReplyFormat format) {
        return List.of(new Good(), new Silent(), new NeverCloses(), new CloseWithoutSending(), new Oversized(2000),
                new Endless(), new NonAscii(), new Skewed(skew), new Frozen(Instant.parse("2001-09-09T01:46:40Z")),
                new WaitsForInput(), new ResetAfterAccept(), new PartialThenReset(), new Echo(),
                new OneAtATime(Duration.ofSeconds(1)), new Fragmented(Duration.ofMillis(10)), new LfCr(), new Nist(),
                new InFormat(format), new EmptyLine(), new LeadingBlankLine(), new NulTerminated(), new NoLineEnding(),
                new Slow(Duration.ofMillis(800)), new MultiLine(), new Amplifies(50));
    }

    /** @throws IllegalArgumentException naming the valid behaviours, for an unknown name */
    public static Behaviour byName(String name, Duration skew, ReplyFormat format) {
        return all(skew, format).stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown behaviour '" + name + "' (choose one of "
                        + names() + "; see simulate --list)"));
    }

    public static Behaviour byName(String name) {
        return byName(name, Duration.ofHours(1), ReplyFormats.CTIME);
    }

    public static String names() {
        return all().stream().map(Behaviour::name).collect(Collectors.joining(", "));
    }
}
