package dev.daytimeharness.conformance;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.target.RunningTarget;

/**
 * How many scenarios run at once. On this machine (the reference server, a local server, a
 * container's published port) the scenarios are independent and mostly wait, so several run side
 * by side. A host off this machine gets one at a time, whatever was asked: public servers limit
 * how often a client may ask (NIST refuses more than one request every 4 s, see {@link Politeness}),
 * and the checks should not look like a load test to them.
 */
public final class Jobs {
    /** The default on this machine: enough to start every slow (fault) scenario at once. */
    public static final int LOCAL_DEFAULT = 8;

    private Jobs() {}

    /** {@code asked} for a target on this machine, else 1. */
    public static int effective(int asked, RunningTarget target) {
        boolean local = target.tcp().isLoopback() && target.udp().map(Endpoint::isLoopback).orElse(true);
        return local ? Math.max(1, asked) : 1;
    }
}
