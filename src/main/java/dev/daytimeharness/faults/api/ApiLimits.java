package dev.daytimeharness.faults.api;

/**
 * What the embedded API takes from one client, so that no client can exhaust it: Toxiproxy 2.12
 * itself has none of these (its Go server reads bodies of any size and runs a goroutine per
 * connection). The README lists them.
 */
public final class ApiLimits {
    /** A request body larger than this is refused with 413 before it is read into memory. */
    public static final int MAX_BODY = 1 << 20;
    /** Proxy and toxic names, in UTF-8 bytes: a name is a label, not a payload. */
    public static final int MAX_NAME = 256;
    /** Requests answered at once; a few more wait, and past that a connection is closed. */
    static final int WORKERS = 16;
    static final int QUEUED = 64;
    static final int BACKLOG = 64;
    /**
     * A request's line, headers and body must all arrive within this many seconds of its first
     * byte, so a client sending a byte a second (slowloris) holds a worker for this long at most.
     */
    static final int REQUEST_SECONDS = 10;
    /** An answer must be taken by the client within this many seconds. */
    static final int RESPONSE_SECONDS = 10;
    /** A kept-alive connection with no request is closed after this many seconds. */
    static final int IDLE_SECONDS = 30;
    static final int MAX_HEADERS = 100;
    /**
     * Times (ms, or µs for the slicer's delay), sizes (bytes) and rates (KB/s) a toxic can be
     * given: up to 2^31 - 1, about 24.8 days or 2 GiB. Past that the arithmetic of a connection
     * overflows; Toxiproxy accepts such values and then panics or spins on the first connection.
     */
    public static final long MAX_ATTRIBUTE = Integer.MAX_VALUE;

    private ApiLimits() {}

    /**
     * The JDK's HTTP server reads its timeouts from system properties, once, when the first
     * server starts; a value the user set on the command line wins.
     */
    static void applyToJdkServer() {
        setUnlessSet("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        setUnlessSet("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
        setUnlessSet("sun.net.httpserver.idleInterval", IDLE_SECONDS);
        setUnlessSet("sun.net.httpserver.maxReqHeaders", MAX_HEADERS);
    }

    private static void setUnlessSet(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Integer.toString(value));
        }
    }

    /** Refuses a declared Content-Length over the limit, before a byte of the body is read. */
    static void checkDeclaredLength(String header) {
        if (header == null) {
            return;
        }
        String digits = header.strip();
        if (digits.length() > 18 || (digits.chars().allMatch(Character::isDigit) && Long.parseLong(digits) > MAX_BODY)) {
            throw bodyTooLarge();
        }
    }

    static ApiError.Failure bodyTooLarge() {
        return ApiError.BODY_TOO_LARGE.with(MAX_BODY);
    }
}
