package dev.daytimeharness.client;

/** How one exchange with a daytime server ended. */
public enum Outcome {
    /** The server closed the connection (EOF) after sending whatever it sent. */
    CLOSED,
    /** The total deadline passed before the server closed; {@code reply} holds what came. */
    TIMEOUT,
    /** The connection was reset (RST), before or during the reply. */
    RESET,
    /** The reply grew past the byte cap; reading stopped there. */
    TOO_LARGE,
    /** Nothing listened on the port. */
    REFUSED,
    /** The connection was not accepted within the connect deadline. */
    CONNECT_TIMEOUT,
    /** The host name did not resolve. */
    UNKNOWN_HOST,
    /** The network or host could not be reached. */
    UNREACHABLE,
    /** Any other I/O failure; {@code detail} says which. */
    IO_ERROR;

    /** True when a reply was read to its end: the only outcome a correct server produces over TCP. */
    public boolean isComplete() {
        return this == CLOSED;
    }
}
