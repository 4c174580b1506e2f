package dev.daytimeharness.client;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The reference client's one call, as {@code get}, {@code check-client}'s default client and the
 * fault checks all make it: fetch one reply, read it, and say whether it gave the time.
 */
public final class TimeQuery {
    private TimeQuery() {}

    public static Reading overTcp(Endpoint server, ClientOptions options, ZoneId zone) {
        return Reading.of(DaytimeClient.fetch(server, options), options.deadline(), zone);
    }

    /** {@code timeout} covers every try: no retry is sent past it, and retries are paced. */
    public static Reading overUdp(Endpoint server, Duration timeout, int retries, ZoneId zone) {
        return overUdp(server, timeout, retries, new byte[0], zone);
    }

    /** As {@link #overUdp(Endpoint, Duration, int, ZoneId)}, each datagram carrying {@code request}. */
    public static Reading overUdp(Endpoint server, Duration timeout, int retries, byte[] request, ZoneId zone) {
        Exchange e = UdpDaytimeClient.fetch(server, timeout, retries, request);
        return Reading.of(e, timeout, zone);
    }
}
