package dev.daytimeharness.server;

import dev.daytimeharness.client.NativeEpoll;
import java.util.Locale;

/**
 * What drives the reference server's TCP sockets. Both serve the same exchanges: the reply, a
 * half-close, the client's input read and thrown away until it closes, each phase under its
 * deadline. They differ in what an exchange costs the server.
 */
public enum ServerEngine {
    /**
     * Linux epoll through Netty's native transport: accept4 (already non-blocking), write,
     * shutdown(SHUT_WR), one epoll_ctl, close; about 6 system calls a connection.
     */
    EPOLL,
    /**
     * The JDK's NIO selector, on any platform: about 15 system calls a connection (fcntl after each
     * accept, getsockname, a second shutdown and an epoll_ctl to deregister on close).
     */
    NIO;

    /** The leanest engine this machine has: epoll on Linux x86_64, NIO elsewhere. */
    public static ServerEngine best() {
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
