package dev.daytimeharness.server;

import dev.daytimeharness.protocol.ReplyFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The reply bytes for the current second. Rendering a date costs more than accepting a connection,
 * and every format here has one-second resolution, so each second's reply is rendered once.
 * Not thread-safe: each server thread keeps its own.
 */
final class ReplyClock {
    private final ReplyFormat format;
    private final ZoneId zone;
    private long second = Long.MIN_VALUE;
    private byte[] reply;

    ReplyClock(ReplyFormat format, ZoneId zone) {
        this.format = format;
        this.zone = zone;
    }

    /** The current time as the server sends it: the formatted text and CR LF, as RFC 867 suggests. */
    byte[] now() {
        long millis = System.currentTimeMillis();
        long s = Math.floorDiv(millis, 1000);
        if (s != second) {
            second = s;
            reply = (format.render(Instant.ofEpochSecond(s), zone) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return reply;
    }
}
