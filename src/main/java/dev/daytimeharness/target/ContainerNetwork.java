package dev.daytimeharness.target;

import org.testcontainers.containers.Network;

/**
 * The Docker network a container target sits on, so a Toxiproxy container can join it.
 *
 * @param network the network the run created (and removes)
 * @param upstream the target as seen on that network, e.g. {@code daytime-under-test:13}
 */
public record ContainerNetwork(Network network, String upstream) {}
