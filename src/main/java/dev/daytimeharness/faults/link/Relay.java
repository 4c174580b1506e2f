package dev.daytimeharness.faults.link;

/** What a proxy runs while enabled: a TCP listener or a UDP relay, on its listen address. */
public interface Relay extends AutoCloseable {
    /** The address it really listens on (port 0 resolved). */
    String listen();

    /** The proxy's toxics changed; a relay that looks them up for every packet has nothing to do. */
    default void toxicsChanged() {}

    /** Stops listening and drops every connection or client it holds. */
    @Override
    void close();
}
