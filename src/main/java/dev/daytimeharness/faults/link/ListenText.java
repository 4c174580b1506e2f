package dev.daytimeharness.faults.link;

import io.netty.util.NetUtil;
import java.net.InetSocketAddress;

/**
 * A bound address as Toxiproxy prints it in a proxy's {@code listen}: Go's net.JoinHostPort of
 * the shortest form, {@code 127.0.0.1:8474} or {@code [::1]:8474}, never the JDK's
 * {@code 0:0:0:0:0:0:0:1:8474}, which no client can parse back.
 */
final class ListenText {
    private ListenText() {}

    static String of(InetSocketAddress bound) {
        return NetUtil.toSocketAddressString(NetUtil.toAddressString(bound.getAddress()), bound.getPort());
    }
}
