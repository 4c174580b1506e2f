package dev.daytimeharness.faults.datagrams;

/**
 * One datagram on its way through a UDP proxy's toxics.
 *
 * @param data its bytes, never changed once made (a toxic that changes them makes a new datagram)
 * @param dueNanos when it is to leave the proxy, on {@link System#nanoTime()}'s clock
 */
public record Datagram(byte[] data, long dueNanos) {}
