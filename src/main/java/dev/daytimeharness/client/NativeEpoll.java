package dev.daytimeharness.client;

import io.netty.channel.epoll.Epoll;

/**
 * Whether Netty's native epoll transport loads on this machine, asked in one place for every
 * engine that can use it (the load generator's and the reference server's). It lives here rather
 * than in {@code protocol}, which knows nothing of Netty; {@code client} already reads Netty's
 * errnos for both load engines and never imports {@code server}, so the server may depend on it.
 */
public final class NativeEpoll {
    private NativeEpoll() {}

    public static boolean available() {
        return Epoll.isAvailable();
    }

    /** Why it cannot run here; null when it can. */
    public static String unavailableReason() {
        if (available()) {
            return null;
        }
        Throwable cause = Epoll.unavailabilityCause();
        return "native epoll is not available here (Linux on x86_64 only)"
                + (cause == null ? "" : ": " + cause.getMessage());
    }
}
