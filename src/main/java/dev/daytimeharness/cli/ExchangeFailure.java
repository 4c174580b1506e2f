package dev.daytimeharness.cli;

import dev.daytimeharness.client.Exchange;

/** One line saying why an exchange failed, and what to try. */
final class ExchangeFailure {
    private ExchangeFailure() {}

    static String describe(Exchange e) {
        String where = e.endpoint().toString();
        return switch (e.outcome()) {
            case REFUSED -> "cannot connect to " + where + ": connection refused (is a daytime server running there? check the port)";
            case UNKNOWN_HOST -> "cannot resolve host " + e.endpoint().host() + " (check the name)";
            case CONNECT_TIMEOUT -> "cannot connect to " + where + ": no answer within the connect deadline (is a firewall dropping it? try --timeout)";
            case UNREACHABLE -> "cannot connect to " + where + ": network unreachable";
            default -> "cannot talk to " + where + ": " + e.detail();
        };
    }
}
