package dev.daytimeharness.client;

import io.netty.channel.unix.Errors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;

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

    /**
     * As {@link #of}, for a connect to a resolved address that failed. The JDK reports two of a
     * connect's errnos as the same bare SocketException: ENETUNREACH, and ECONNRESET from a server
     * that accepted and reset before the connect call returned (the handshake done, its reset
     * already in; a server that resets at once meets it under load). A UDP connect to the same
     * address asks the kernel for a route and sends nothing: only ENETUNREACH fails that too.
     */
    public static SocketFailure ofConnect(IOException e, InetSocketAddress peer) {
        if (e.getClass() != SocketException.class) {
            return of(e, false);
        }
        return routable(peer) ? RESET : UNREACHABLE;
    }

    private static boolean routable(InetSocketAddress peer) {
        try (DatagramChannel udp = DatagramChannel.open()) {
            udp.connect(peer);
            return true;
        } catch (IOException e) {
            return false;
        }
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
