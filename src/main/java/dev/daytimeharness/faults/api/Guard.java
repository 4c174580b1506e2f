package dev.daytimeharness.faults.api;

import com.sun.net.httpserver.Headers;
import dev.daytimeharness.faults.api.Route.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps web pages from driving the API, which can open any port on this machine. Toxiproxy's
 * {@code stopBrowsersMiddleware} refuses every {@code User-Agent} starting {@code Mozilla/}; on
 * top of that, when the API listens on loopback, a {@code Host} that names another machine is
 * refused, as a DNS-rebinding page sends its own domain there.
 *
 * @param loopbackOnly whether the API listens on loopback, so the Host must be this machine
 * @param names this machine's names, lower case
 */
record Guard(boolean loopbackOnly, Set<String> names) {

    static Guard forAddress(InetSocketAddress bound) {
        String host = "localhost";
        try {
            host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            // A machine without a name of its own: localhost and addresses still pass.
        }
        return new Guard(bound.getAddress().isLoopbackAddress(), Set.of("localhost", host));
    }

    /** The 403 for a browser or a foreign Host, or null to go on. */
    Response refuse(Headers headers) {
        String agent = headers.getFirst("User-Agent");
        if (agent != null && agent.startsWith("Mozilla/")) {
            return Response.text(403, "User agent not allowed");
        }
        String host = headers.getFirst("Host");
        if (loopbackOnly && host != null && !isThisMachine(hostPart(host))) {
            return Response.text(403, "Host not allowed");
        }
        return null;
    }

    private boolean isThisMachine(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (names.contains(h) || h.endsWith(".localhost")) {
            return true;
        }
        if (!h.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !h.contains(":")) {
            // A name, and not ours: never looked up, since the attacker's DNS answers that.
            // (An IP literal, which this is otherwise, is parsed without a lookup.)
            return false;
        }
        try {
            InetAddress a = InetAddress.getByName(h);
            return a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    /** {@code example.org:8474} to {@code example.org}; {@code [::1]:8474} to {@code ::1}. */
    private static String hostPart(String header) {
        String h = header.strip();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon < 0 || h.indexOf(':', colon + 1) >= 0 ? h : h.substring(0, colon);
    }
}
