package dev.daytimeharness.client;

import dev.daytimeharness.protocol.Durations;
import dev.daytimeharness.protocol.Printable;
import java.time.Duration;

/**
 * Why the reference client got no time from a server: a closed set, each with the one line a user
 * reads. Checks judge the variant; only people read the message.
 */
public sealed interface ReadFailure {

    /** One line: what failed, on what, what to try. */
    String message();

    /** The exchange did not end with the server closing after sending something. */
    record Network(Exchange exchange, Duration timeout) implements ReadFailure {
        public Outcome outcome() {
            return exchange.outcome();
        }

        @Override
        public String message() {
            Exchange e = exchange;
            String where = e.endpoint().toString();
            int n = e.reply().length;
            String within = Durations.format(timeout);
            return switch (e.outcome()) {
                case REFUSED -> "cannot connect to " + where + ": connection refused (is a daytime server running there? check the port)";
                case UNKNOWN_HOST -> "cannot resolve host " + e.endpoint().host() + " (check the name)";
                case CONNECT_TIMEOUT -> "cannot connect to " + where + ": no answer within the connect deadline (is a firewall dropping it? try --timeout)";
                case UNREACHABLE -> "cannot connect to " + where + ": network unreachable";
                case TIMEOUT -> n == 0
                        ? "no reply from " + where + " within " + within + " (try --timeout)"
                        : where + " sent " + n + " bytes but did not close within " + within;
                case RESET -> "connection reset by " + where + " after " + n + " bytes";
                case TOO_LARGE -> "the reply from " + where + " is longer than the read cap of " + n + " bytes; it began \""
                        + Printable.escape(head(e.reply())) + "\" (try --max-bytes)";
                case CLOSED -> where + " closed the connection without sending the time";
                case IO_ERROR -> "cannot talk to " + where + ": " + e.detail();
            };
        }
    }

    /** The first 60 characters of a reply, with "..." when there is more. */
    private static String head(byte[] reply) {
        String s = new String(reply, 0, Math.min(reply.length, 60), java.nio.charset.StandardCharsets.ISO_8859_1);
        return reply.length > 60 ? s + "..." : s;
    }

    /** The server closed after sending only line endings or blanks. */
    record NoTime(Endpoint endpoint, int bytes) implements ReadFailure {
        @Override
        public String message() {
            return endpoint + " sent no time, only " + bytes + " byte(s) of line endings or blanks";
        }
    }

    /**
     * The reply has no line ending and no recognisable time: most likely cut short by the network,
     * and printing it as the time would hide that.
     */
    record Truncated(Endpoint endpoint, int bytes, String text) implements ReadFailure {
        @Override
        public String message() {
            return "the reply from " + endpoint + " looks truncated: " + bytes + " bytes (\"" + Printable.escape(text)
                    + "\") with no line ending and no recognisable time";
        }
    }
}
