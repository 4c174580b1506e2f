package dev.daytimeharness.faults.api;

/**
 * Every error the API answers with a JSON body, each once, with Toxiproxy 2.12's status and
 * message. Clients (toxiproxy-java, toxiproxy-cli) read {@code {"error": "...", "status": N}}.
 */
public enum ApiError {
    PROXY_EXISTS(409, "proxy already exists"),
    PROXY_NOT_FOUND(404, "proxy not found"),
    TOXIC_EXISTS(409, "toxic already exists"),
    TOXIC_NOT_FOUND(404, "toxic not found"),
    /** Go's decoder's own words follow: {@code bad request body: unexpected EOF}. */
    BAD_BODY(400, "bad request body: %s"),
    MISSING_FIELD(400, "missing required field: %s"),
    INVALID_STREAM(400, "stream was invalid, can be either upstream or downstream"),
    INVALID_TYPE(400, "invalid toxic type"),
    /** Ours: a stream's toxic (slicer, slow_close, reset_peer) asked of a UDP proxy. */
    NOT_FOR_DATAGRAMS(400, "invalid toxic type for a udp proxy: %s (it takes latency, packet_loss, duplicate,"
            + " limit_data, timeout, bandwidth, noop)"),
    /** Ours: a proxy's {@code protocol} is tcp or udp. */
    INVALID_PROTOCOL(400, "invalid protocol, can be either tcp or udp"),
    /** Ours, not Toxiproxy's: a value no connection could be given (see the README's API limits). */
    OUT_OF_RANGE(400, "bad request body: %s must be between %d and %d"),
    NAME_TOO_LONG(400, "bad request body: name is longer than %d bytes"),
    BODY_TOO_LARGE(413, "bad request body: larger than %d bytes"),
    INVALID_ADDRESS(400, "invalid address: %s"),
    LISTEN_FAILED(500, "listen tcp %s: %s"),
    LISTEN_UDP_FAILED(500, "listen udp %s: %s");

    public final int status;
    private final String message;

    ApiError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public Failure with(Object... args) {
        return new Failure(this, String.format(java.util.Locale.ROOT, message, args));
    }

    /** An API error on its way to the client. */
    public static final class Failure extends RuntimeException {
        public final ApiError error;

        Failure(ApiError error, String message) {
            super(message, null, false, false);
            this.error = error;
        }
    }
}
