package dev.daytimeharness.server;

import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.protocol.ReplyFormats;
import java.net.InetAddress;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How the reference server runs.
 *
 * @param bind the address to listen on
 * @param port the port; 0 picks a free one
 * @param format how the time is written
 * @param zone the zone the time is written in
 * @param writeDeadline how long a client that does not read may hold up its reply before it is dropped
 * @param drainDeadline how long client input is read and thrown away after the reply, before closing
 */
public record ServerOptions(InetAddress bind, int port, ReplyFormat format, ZoneId zone,
                            Duration writeDeadline, Duration drainDeadline) {

    public static ServerOptions loopback(int port) {
        return new ServerOptions(InetAddress.getLoopbackAddress(), port, ReplyFormats.RFC867, ZoneId.systemDefault(),
                Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    public ServerOptions withFormat(ReplyFormat f) {
        return new ServerOptions(bind, port, f, zone, writeDeadline, drainDeadline);
    }

    public ServerOptions withZone(ZoneId z) {
        return new ServerOptions(bind, port, format, z, writeDeadline, drainDeadline);
    }
}
