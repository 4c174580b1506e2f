package dev.daytimeharness.target;

import static dev.daytimeharness.target.ContainerReplies.DEADLINE;
import static dev.daytimeharness.target.ContainerReplies.assertPlausibleTimestampLine;
import static dev.daytimeharness.target.ContainerReplies.assumeEngineWithImage;
import static dev.daytimeharness.target.ContainerReplies.readUntilEof;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.Endpoint;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.Network;
import org.testcontainers.toxiproxy.ToxiproxyContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Testcontainers' own ToxiproxyContainer running the embedded Toxiproxy-compatible server image in
 * place of ghcr.io/shopify/toxiproxy, which no registry here can serve.
 */
@Tag("docker")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ToxiproxySubstituteTest {

    static final String IMAGE = "daytime-harness/toxiproxy:local";
    /** The first of the 32 proxy ports ToxiproxyContainer publishes. */
    private static final int FIRST_PROXY_PORT = 8666;

    @Test
    void daytimeReplyPassesThroughTheProxyUntilTheProxyIsDisabled() throws Exception {
        assumeEngineWithImage(IMAGE);
        assumeEngineWithImage(DaytimeContainer.XINETD_IMAGE);
        DockerEngine.removeContainersAtExit();
        try (Network network = Network.newNetwork();
             DaytimeContainer server = new DaytimeContainer(DaytimeContainer.XINETD_IMAGE)
                     .withNetwork(network).withNetworkAliases("daytime");
             ToxiproxyContainer toxiproxy = new ToxiproxyContainer(
                     DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("ghcr.io/shopify/toxiproxy"))
                     .withNetwork(network)) {
            server.start();
            toxiproxy.start();
            Proxy proxy = new ToxiproxyClient(toxiproxy.getHost(), toxiproxy.getControlPort())
                    .createProxy("daytime", "0.0.0.0:" + FIRST_PROXY_PORT, "daytime:13");
            Endpoint throughProxy = new Endpoint(toxiproxy.getHost(), toxiproxy.getMappedPort(FIRST_PROXY_PORT));

            assertPlausibleTimestampLine(readUntilEof(throughProxy, DEADLINE));

            proxy.disable();
            // Docker's port proxy still accepts on the host side, so a disabled proxy shows as
            // either a refused connection or one that closes with no reply.
            byte[] afterDisable;
            try {
                afterDisable = readUntilEof(throughProxy, DEADLINE);
            } catch (IOException refused) {
                afterDisable = new byte[0];
            }
            assertThat(afterDisable).as("reply once the proxy is disabled").isEmpty();
        }
    }
}
