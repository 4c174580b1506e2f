package dev.daytimeharness.conformance.report;

import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.conformance.ConformanceRun;
import dev.daytimeharness.protocol.ClockOffset;
import dev.daytimeharness.protocol.Printable;
import dev.daytimeharness.protocol.ReplyFacts;
import dev.daytimeharness.protocol.ReplyParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the run learnt about the target, in a few lines: the first thing a user wants to see. */
public record Profile(List<String> lines) {
    /** The lines quote the reply and the target's name: nothing in them may drive the terminal. */
    public Profile {
        lines = lines.stream().map(Printable::escape).toList();
    }

    public static Profile of(ConformanceRun run) {
        List<String> lines = new ArrayList<>();
        lines.add("target: " + run.target().description());
        run.firstExchange().ifTaken().ifPresent(e -> describe(e, run, lines));
        return new Profile(lines);
    }

    private static void describe(Exchange e, ConformanceRun run, List<String> lines) {
        ReplyFacts facts = ReplyParser.parse(e.reply(), run.settings().zone(), e.receivedAt());
        lines.add("  reply:       " + facts.length() + " bytes in " + e.reads() + " read(s), line ending "
                + facts.lineEnding() + ", " + quoted(facts.text()));
        lines.add("  format:      " + facts.timestamp()
                .map(t -> t.described() + (t.zoneAssumed() ? " (no zone; read as " + t.zone() + ")" : ""))
                .orElse("unrecognised"));
        facts.timestamp().flatMap(t -> t.choice()).ifPresent(c -> lines.add("  reading:     " + c.describe()));
        facts.timestamp().ifPresent(t -> lines.add("  clock:       "
                + ClockOffset.measure(t, e.requestedAt(), e.receivedAt()).describe() + " from ours"));
        lines.add("  closes:      " + switch (e.outcome()) {
            case CLOSED -> "yes" + e.endAfter().map(d -> ", after " + d.toMillis() + " ms").orElse("");
            case TIMEOUT -> "no, still open at the deadline";
            case TOO_LARGE -> "not seen: reading stopped at the read cap of " + e.reply().length + " bytes";
            default -> "no: " + e.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        });
    }

    private static String quoted(String text) {
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return "\"" + shown + "\"";
    }
}
