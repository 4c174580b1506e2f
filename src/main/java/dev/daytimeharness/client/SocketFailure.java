package dev.daytimeharness.client;

import io.netty.channel.unix.Errors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * What broke an exchange, told once for every client (the reference client and both load
 * engines) by the exception's type and, where the transport keeps it, its errno. Never by the
 * message: the JDK fills many messages from the C library's strerror, which follows the
 * machine's LC_MESSAGES, so a German machine would read "Verbindung ... zurückgesetzt".
 */
public enum SocketFailure {
    /** The host name did not resolve. */
    UNKNOWN_HOST,
    /** Nothing listened: ECONNREFUSED, or ICMP port unreachable on UDP. */
    REFUSED,
    /** The network or host could not be reached: EHOSTUNREACH, ENETUNREACH. */
    UNREACHABLE,
    /** A deadline passed. */
    TIMEOUT,
    /** The peer broke the connection: ECONNRESET on a read, EPIPE on a write. */
    RESET,
    /** Anything else. */
    OTHER;

    /**
     * @param e what the socket call threw
     * @param connected whether the connection had been made: a bare {@link SocketException}
     *     means a different errno before the connect succeeded than after it
     */
    public static SocketFailure of(IOException e, boolean connected) {
        if (e instanceof UnknownHostException) {
            return UNKNOWN_HOST;
        }
        if (e instanceof ConnectException || e instanceof PortUnreachableException) {
            return REFUSED; // Netty's native connect errors for ECONNREFUSED are ConnectExceptions too
        }
        if (e instanceof NoRouteToHostException) {
            return UNREACHABLE;
        }
        if (e instanceof SocketTimeoutException) {
            return TIMEOUT;
        }
        if (e instanceof Errors.NativeIoException n) {
            return ofNegativeErrno(n.expectedErr());
        }
        if (e.getClass() == SocketException.class) {
            // The JDK maps the errnos it does not name to a bare SocketException and keeps no errno.
            // Before the connect succeeds that is ENETUNREACH (ECONNREFUSED and EHOSTUNREACH have
            // their own types); after it, on a read or a write within our deadlines, it is
            // ECONNRESET or EPIPE (ETIMEDOUT would take the kernel's minutes of retransmission).
            return connected ? RESET : UNREACHABLE;
        }
        return OTHER;
    }

    /** Netty's native transport keeps the errno, negated, as its constants are. */
    private static SocketFailure ofNegativeErrno(int errno) {
        if (errno == Errors.ERRNO_ECONNRESET_NEGATIVE || errno == Errors.ERRNO_EPIPE_NEGATIVE) {
            return RESET;
        }
        if (errno == Errors.ERROR_ECONNREFUSED_NEGATIVE) {
            return REFUSED;
        }
        if (errno == Errors.ERROR_ENETUNREACH_NEGATIVE || errno == Errors.ERROR_EHOSTUNREACH_NEGATIVE) {
            return UNREACHABLE;
        }
        return OTHER;
    }
}
