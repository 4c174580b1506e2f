package dev.daytimeharness.client;

import java.util.Locale;

/**
 * A host and port, as a user writes it: {@code HOST}, {@code HOST:PORT}, {@code [::1]:PORT}.
 */
public record Endpoint(String host, int port) {

    public static final int DAYTIME_PORT = 13;

    public Endpoint {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (0-65535)");
        }
    }

    /** An IPv6 literal written bare, as in {@code ::1} or {@code fe80::1%eth0}: at most 7 colons. */
    private static final java.util.regex.Pattern BARE_IPV6 =
            java.util.regex.Pattern.compile("(?=.*::|(?:[^:]*:){7}[^:]*$)[0-9A-Fa-f:.]+(%\\w+)?");

    /**
     * Parses a server to connect to, {@code HOST[:PORT]}: as {@link #parse}, but port 0, which no
     * server listens on, is refused.
     */
    public static Endpoint parseTarget(String text, int defaultPort) {
        Endpoint e = parse(text, defaultPort);
        if (e.port() == 0) {
            throw new IllegalArgumentException("port 0 in '" + text + "' is not a port a server listens on (1-65535)");
        }
        return e;
    }

    /** Parses {@code HOST[:PORT]}; the port defaults to {@code defaultPort}. */
    public static Endpoint parse(String text, int defaultPort) {
        String s = text.trim();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "' has '[' without ']'");
            }
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) {
                return new Endpoint(host, defaultPort);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("'" + text + "' is not HOST:PORT");
            }
            return new Endpoint(host, port(rest.substring(1), text));
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return new Endpoint(s, defaultPort);
        }
        if (s.indexOf(':') != colon) {
            // A bare IPv6 address has no port; anything else with two colons is a typo.
            if (s.chars().filter(c -> c == ':').count() <= 7 && BARE_IPV6.matcher(s).matches()) {
                return new Endpoint(s, defaultPort);
            }
            throw new IllegalArgumentException("'" + text + "' has more than one ':'; an IPv6 address goes in"
                    + " brackets, as in [::1]:13");
        }
        return new Endpoint(s.substring(0, colon), port(s.substring(colon + 1), text));
    }

    private static int port(String digits, String whole) {
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 6) {
            throw new IllegalArgumentException("'" + digits + "' in '" + whole + "' is not a port number");
        }
        int port = Integer.parseInt(digits);
        if (port > 65535) {
            throw new IllegalArgumentException("port " + port + " in '" + whole + "' is out of range (1-65535)");
        }
        return port;
    }

    /** True for 127.0.0.0/8, ::1 and localhost: our own machine, where no politeness throttle applies. */
    public boolean isLoopback() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
