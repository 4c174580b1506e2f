package dev.daytimeharness.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.protocol.ClockOffset;
import dev.daytimeharness.protocol.ReplyFacts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How an exchange reads to a user: details with --verbose, or JSON. */
final class ExchangeReport {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private ExchangeReport() {}

    /** What the parser found and the clock offset, for --verbose. */
    static List<String> details(Exchange e, ReplyFacts facts) {
        List<String> lines = new ArrayList<>();
        lines.add("bytes:       " + facts.length() + " in " + e.reads() + " read(s), line ending " + facts.lineEnding()
                + (facts.chars().isAscii() ? "" : ", " + facts.chars().nonAscii() + " non-ASCII"));
        facts.timestamp().ifPresentOrElse(t -> {
            lines.add("format:      " + t.described());
            t.choice().ifPresent(c -> lines.add("reading:     " + c.describe()));
            lines.add("time:        " + t.instant() + (t.zoneAssumed() ? " (no zone given; read as " + t.zone() + ")" : ""));
            lines.add("offset:      " + ClockOffset.measure(t, e.requestedAt(), e.receivedAt()).describe()
                    + " (server minus local; ± half the round trip and the format's resolution)");
        }, () -> lines.add("format:      unrecognised"));
        e.connectTime().ifPresent(c -> lines.add("timing:      connected in " + c.toMillis() + " ms, reply and close "
                + e.endAfter().map(Duration::toMillis).orElse(0L) + " ms after that"));
        return lines;
    }

    static String json(Exchange e, ReplyFacts facts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", e.endpoint().toString());
        m.put("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
        m.put("reply", new String(e.reply(), StandardCharsets.ISO_8859_1));
        m.put("bytes", facts.length());
        m.put("reads", e.reads());
        m.put("lineEnding", facts.lineEnding().name());
        m.put("ascii", facts.chars().isAscii());
        facts.timestamp().ifPresent(t -> {
            m.put("format", t.format());
            m.put("provenance", t.provenance());
            t.choice().ifPresent(c -> m.put("reading", c.describe()));
            m.put("instant", t.instant().toString());
            m.put("zone", t.zone().getId());
            m.put("zoneAssumed", t.zoneAssumed());
            ClockOffset o = ClockOffset.measure(t, e.requestedAt(), e.receivedAt());
            m.put("offsetSeconds", o.offset().toNanos() / 1e9);
            m.put("uncertaintySeconds", o.uncertainty().toNanos() / 1e9);
        });
        e.connectTime().ifPresent(c -> m.put("connectMillis", c.toMillis()));
        e.firstByteAfter().ifPresent(c -> m.put("firstByteMillis", c.toMillis()));
        e.endAfter().ifPresent(c -> m.put("totalMillis", c.toMillis()));
        // From the moment the client began to connect, to the microsecond: a proxy's timers start
        // after that moment (it cannot read the reply before the connection exists), never before.
        e.connectTime().ifPresent(c -> {
            e.firstByteAfter().ifPresent(f -> m.put("firstByteSinceConnectingMillis", c.plus(f).toNanos() / 1000 / 1e3));
            e.endAfter().ifPresent(f -> m.put("endSinceConnectingMillis", c.plus(f).toNanos() / 1000 / 1e3));
        });
        if (!e.detail().isEmpty()) {
            m.put("error", e.detail());
        }
        return GSON.toJson(m);
    }
}
