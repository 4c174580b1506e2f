package dev.daytimeharness.faults.api;

/**
 * Every error the API can return, each once, with Toxiproxy's status and message. Clients
 * (toxiproxy-java among them) read {@code {"error": "...", "status": N}} and nothing else.
 */
public enum ApiError {
    PROXY_EXISTS(409, "proxy already exists"),
    PROXY_NOT_FOUND(404, "proxy not found"),
    TOXIC_EXISTS(409, "toxic already exists"),
    TOXIC_NOT_FOUND(404, "toxic not found"),
    BAD_BODY(400, "bad request body"),
    MISSING_FIELD(400, "missing required field: %s"),
    INVALID_STREAM(400, "stream was invalid, can be either upstream or downstream"),
    INVALID_TYPE(400, "invalid toxic type: %s"),
    INVALID_TOXICITY(400, "toxicity must be between 0 and 1"),
    INVALID_ATTRIBUTE(400, "%s"),
    INVALID_ADDRESS(400, "invalid address: %s"),
    LISTEN_FAILED(500, "listen tcp %s: %s"),
    NO_ROUTE(404, "404 page not found"),
    METHOD_NOT_ALLOWED(405, "method not allowed");

    public final int status;
    private final String message;

    ApiError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public Failure with(Object... args) {
        return new Failure(this, String.format(message, args));
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
