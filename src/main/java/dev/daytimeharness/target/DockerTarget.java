package dev.daytimeharness.target;

import java.util.Optional;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;

/** Starts a {@code docker:IMAGE} target; the container is removed when the run closes it, or at exit. */
final class DockerTarget {
    /** The target's name on its own network, where a Toxiproxy container reaches it. */
    private static final String ALIAS = "daytime-under-test";

    private DockerTarget() {}

    static RunningTarget start(Target.Docker docker) {
        DockerEngine.Availability engine = DockerEngine.availability();
        if (!engine.available()) {
            throw new IllegalStateException(engine.reason());
        }
        if (!DockerEngine.hasImage(docker.image())) {
            // Testcontainers would try to pull it, and with no registry in reach wait minutes to fail.
            throw new IllegalStateException("image " + docker.image() + " is not on this machine (pull or build it"
                    + " first; docker/README.md shows how to build the local images)");
        }
        java.util.Set<Integer> declared = DockerEngine.declaredTcpPorts(docker.image());
        // A port the image does not declare is most likely a wrong --container-port: waiting the
        // whole start allowance for it would only delay saying so.
        boolean undeclared = !declared.isEmpty() && !declared.contains(docker.containerPort());
        DaytimeContainer container = new DaytimeContainer(DockerImageName.parse(docker.image()), docker.containerPort(),
                undeclared ? docker.undeclaredPortWait() : DaytimeContainer.DEFAULT_STARTUP_TIMEOUT);
        if (docker.udp()) {
            container.withUdp();
        }
        Network network = docker.onNetwork() ? Network.newNetwork() : null;
        if (network != null) {
            container.withNetwork(network).withNetworkAliases(ALIAS);
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            if (network != null) {
                network.close();
            }
            throw new IllegalStateException("the container of " + docker.image() + " did not serve daytime: "
                    + rootMessage(e) + (undeclared ? " (the image declares " + declared.stream().map(p -> p + "/tcp")
                    .collect(java.util.stream.Collectors.joining(", ")) + ", not " + docker.containerPort()
                    + "/tcp: try --container-port " + declared.iterator().next() + ")" : ""), e);
        }
        return new RunningTarget("image " + docker.image() + " (container " + container.getContainerId().substring(0, 12)
                + ", " + docker.containerPort() + "/tcp at " + container.daytimeEndpoint() + ")",
                container.daytimeEndpoint(), docker.udp() ? Optional.of(container.udpEndpoint()) : Optional.empty(),
                () -> {
                    container.stop();
                    if (network != null) {
                        network.close();
                    }
                },
                Optional.ofNullable(network).map(n -> new ContainerNetwork(n, ALIAS + ":" + docker.containerPort())),
                docker.udp() ? UserlandProxy.onUdpPath(container.udpEndpoint().port(), true) : Optional.empty());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).lines().findFirst().orElse("");
    }
}
