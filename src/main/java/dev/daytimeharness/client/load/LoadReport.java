package dev.daytimeharness.client.load;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a load run measured.
 *
 * @param completed exchanges that ended with the server's close after some data
 * @param seconds how long the run took
 * @param p50 median exchange time, ms
 * @param p90 90th percentile, ms
 * @param p99 99th percentile, ms
 * @param max slowest exchange, ms
 * @param errors failed exchanges by kind
 * @param unfinished exchanges still in flight when the run ended, neither completed nor failed
 * @param extraReplies UDP datagrams beyond the one reply to a request: a server that sends more
 *                     amplifies, and these are not exchanges
 */
public record LoadReport(long completed, double seconds, double p50, double p90, double p99, double max,
                         Map<ErrorKind, Long> errors, long unfinished, long extraReplies) {

    public double rate() {
        return seconds <= 0 ? 0 : completed / seconds;
    }

    public long failed() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    static Map<ErrorKind, Long> noErrors() {
        Map<ErrorKind, Long> m = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            m.put(k, 0L);
        }
        return m;
    }

    public String errorsLine() {
        return errorsLine(errors);
    }

    /** {@code refused 0, reset 2, ...}, in the order of {@link ErrorKind}. */
    static String errorsLine(Map<ErrorKind, Long> errors) {
        StringBuilder sb = new StringBuilder();
        new EnumMap<>(errors).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(k.name().toLowerCase(Locale.ROOT)).append(' ').append(v));
        return sb.toString();
    }
}
