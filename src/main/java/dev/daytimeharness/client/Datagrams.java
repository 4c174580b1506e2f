package dev.daytimeharness.client;

/**
 * What came back over UDP for one question: the first answering datagram as an {@link Exchange},
 * and how many datagrams were sent and came back in all. RFC 867 sends "an answering datagram";
 * more than one per request makes the server an amplifier, which is why scanners flag UDP daytime.
 *
 * @param exchange the first reply (its times are the first reply's); {@code reads} counts every reply
 * @param requests datagrams the client sent (one, plus a retry for each that got no answer in time)
 * @param replies datagrams that came back from the server, until the listening window closed
 * @param replyBytes their bytes in all
 */
public record Datagrams(Exchange exchange, int requests, int replies, long replyBytes) {

    /** Replies per request: 1 for a server that answers as RFC 867 says, 0 for a silent one. */
    public double perRequest() {
        return requests == 0 ? 0 : (double) replies / requests;
    }
}
