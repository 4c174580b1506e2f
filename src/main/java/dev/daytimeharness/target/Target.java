package dev.daytimeharness.target;

import dev.daytimeharness.client.Endpoint;
import java.util.Optional;

/** What is under test: the in-process reference server, a server already running, or an image. */
public sealed interface Target permits Target.Embedded, Target.Remote, Target.Docker {

    /** Starts (or just locates) the target; the caller closes what it gets. */
    RunningTarget start();

    /** The project's own reference server, started in-process on loopback: the default. */
    record Embedded() implements Target {
        @Override
        public RunningTarget start() {
            return EmbeddedReference.start();
        }
    }

    /** A server someone else runs: {@code HOST:PORT}, and where it answers UDP, if it does. */
    record Remote(Endpoint tcp, Optional<Endpoint> udp) implements Target {
        @Override
        public RunningTarget start() {
            // A container someone published by hand is behind the same proxy as one we start.
            Optional<String> proxy = udp.filter(Endpoint::isLoopback).flatMap(u -> UserlandProxy.onUdpPath(u.port(), false));
            return new RunningTarget("daytime server at " + tcp, tcp, udp, () -> { }, Optional.empty(), proxy);
        }
    }

    /**
     * A server packaged as an image, started through Testcontainers and removed afterwards.
     *
     * @param image the image, e.g. {@code daytime-harness/xinetd:local}
     * @param containerPort where the server listens inside the container
     * @param udp whether to publish and test its UDP service on the same port
     * @param onNetwork whether to put it on a network of its own, for a Toxiproxy container to reach
     * @param undeclaredPortWait how long to wait for a reply on a port the image does not declare
     *                           (most likely the wrong --container-port); one it declares gets
     *                           {@link DaytimeContainer#DEFAULT_STARTUP_TIMEOUT} to start
     */
    record Docker(String image, int containerPort, boolean udp, boolean onNetwork, java.time.Duration undeclaredPortWait)
            implements Target {
        public Docker(String image, int containerPort, boolean udp, boolean onNetwork) {
            this(image, containerPort, udp, onNetwork, DaytimeContainer.DEFAULT_STARTUP_TIMEOUT);
        }

        @Override
        public RunningTarget start() {
            return DockerTarget.start(this);
        }
    }

    /**
     * Where {@code target} answers UDP when its UDP service is on {@code udpPort}, written as
     * {@link #parse} reads it back: the TCP target's host with the other port, an IPv6 literal in
     * brackets ({@code [::1]:13}, never {@code ::1:13}, which reads as another address), or
     * {@code container:PORT} for a container. Empty for the embedded server, which answers UDP anyway.
     */
    public static String udpTarget(String target, int udpPort) {
        Target t = parse(target, "");
        if (t instanceof Docker) {
            return "container:" + udpPort;
        }
        return t instanceof Remote r ? new Endpoint(r.tcp().host(), udpPort).toString() : "";
    }

    /**
     * Reads a target as a user writes it: empty for the embedded server, {@code HOST[:PORT]}.
     *
     * @throws IllegalArgumentException with a one-line message for anything else
     */
    static Target parse(String text, String udpText) {
        if (text == null || text.isBlank() || text.equals("embedded")) {
            return new Embedded();
        }
        if (text.startsWith("docker:")) {
            String image = text.substring("docker:".length());
            if (image.isBlank()) {
                throw new IllegalArgumentException("docker: needs an image, e.g. docker:daytime-harness/xinetd:local");
            }
            // Docker's own rule, checked here so a typo is a usage error, not the engine's JSON.
            ImageName.check(image);
            return new Docker(image, Endpoint.DAYTIME_PORT, udpText != null && !udpText.isBlank(), false);
        }
        Endpoint tcp = Endpoint.parseTarget(text, Endpoint.DAYTIME_PORT);
        Optional<Endpoint> udp = udpText == null || udpText.isBlank()
                ? Optional.empty()
                : Optional.of(Endpoint.parseTarget(udpText, tcp.port()));
        return new Remote(tcp, udp);
    }
}
