package dev.daytimeharness.client.load;

import dev.daytimeharness.client.NativeEpoll;
import java.util.Locale;

/**
 * What drives the sockets of a TCP load run. Both make the same exchanges and count them the same
 * way; they differ in what each exchange costs the generator.
 */
public enum LoadEngine {
    /**
     * Linux epoll through Netty's native transport: 8 system calls an exchange, as a C generator
     * makes. On a 2-core machine it reaches about nine tenths of a native generator's rate.
     */
    EPOLL,
    /**
     * The JDK's NIO selector, on any platform: 15 system calls an exchange (the JDK asks for the
     * local address, the socket error and the linger setting on its own), about eight tenths.
     */
    NIO;

    /** The fastest engine this machine has. */
    public static LoadEngine best() {
        return EPOLL.available() ? EPOLL : NIO;
    }

    public boolean available() {
        return this != EPOLL || NativeEpoll.available();
    }

    /** Why this engine cannot run here; null when it can. */
    public String unavailableReason() {
        return available() ? null : NativeEpoll.unavailableReason();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
