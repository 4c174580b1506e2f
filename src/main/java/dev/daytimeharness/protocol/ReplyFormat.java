package dev.daytimeharness.protocol;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The formats the reference server and the simulator can write a time in. */
public enum ReplyFormat {
    CTIME, XINETD, RFC867, NIST, RFC3339, RFC1123;

    /** The text of one reply, without its line ending. */
    public String render(Instant now, ZoneId zone) {
        // STUB: the protocol work replaces this with every format.
        return DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
                .format(ZonedDateTime.ofInstant(now, zone));
    }

    /** The name users type on the command line: {@code ctime}, {@code nist} ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
