package dev.daytimeharness.faults;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.target.ContainerNetwork;
import dev.daytimeharness.target.DockerEngine;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.toxiproxy.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Toxiproxy in a container (Testcontainers' Toxiproxy module) on the network of a container
 * target, for {@code --toxiproxy docker}. The real image is used when it is on this machine,
 * else the locally built image of the embedded server, which speaks the same API.
 */
public final class ToxiproxyContainers {
    /** The image users with a registry get; override with DAYTIME_TOXIPROXY_IMAGE. */
    public static final String REAL_IMAGE = "ghcr.io/shopify/toxiproxy:2.12.0";
    public static final String LOCAL_IMAGE = "daytime-harness/toxiproxy:local";
    /** ToxiproxyContainer publishes these 32 ports for proxies. */
    private static final int FIRST_PROXY_PORT = 8666;
    private static final int PROXY_PORTS = 32;

    private ToxiproxyContainers() {}

    public static ToxiproxyEndpoint start(ContainerNetwork network) {
        String image = image();
        ToxiproxyContainer container = new ToxiproxyContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("ghcr.io/shopify/toxiproxy"))
                .withNetwork(network.network());
        container.start();
        AtomicInteger next = new AtomicInteger(FIRST_PROXY_PORT);
        ToxiproxyEndpoint.ListenPlan plan = new ToxiproxyEndpoint.ListenPlan() {
            @Override
            public String nextListen() {
                int port = next.getAndIncrement();
                if (port >= FIRST_PROXY_PORT + PROXY_PORTS) {
                    throw new IllegalStateException("the Toxiproxy container publishes only " + PROXY_PORTS + " proxy ports");
                }
                return "0.0.0.0:" + port;
            }

            @Override
            public boolean hidesResets() {
                return true;
            }

            @Override
            public Endpoint reach(String listen) {
                return new Endpoint(container.getHost(), container.getMappedPort(Endpoint.parse(listen, 0).port()));
            }
        };
        String url = "http://" + container.getHost() + ":" + container.getControlPort();
        return new ToxiproxyEndpoint(url, plan, container::stop);
    }

    private static String image() {
        String chosen = System.getenv("DAYTIME_TOXIPROXY_IMAGE");
        List<String> candidates = chosen != null && !chosen.isBlank() ? List.of(chosen) : List.of(REAL_IMAGE, LOCAL_IMAGE);
        for (String image : candidates) {
            if (DockerEngine.hasImage(image)) {
                return image;
            }
        }
        throw new IllegalStateException("no Toxiproxy image on this machine (" + String.join(" or ", candidates)
                + "; build the local one with docker/build-local.sh toxiproxy), or drop --toxiproxy docker to use the"
                + " embedded Toxiproxy");
    }
}
