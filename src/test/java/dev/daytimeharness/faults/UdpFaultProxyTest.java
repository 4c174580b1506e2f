package dev.daytimeharness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.daytimeharness.faults.link.UdpEcho;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness's own UDP proxy requests: how it tells a UDP proxy from a TCP one, and the embedded path. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpFaultProxyTest {
    @Test
    void aRealToxiproxysAnswerIsTakenForATcpProxy() {
        // What Toxiproxy 2.12.0 answered to a create (recorded), whatever "protocol" was asked for.
        String real212 = "{\"name\":\"X\",\"listen\":\"127.0.0.1:45953\",\"upstream\":\"127.0.0.1:10116\","
                + "\"enabled\":true,\"Logger\":{},\"toxics\":[]}";
        assertThat(UdpFaultProxy.isUdp(JsonParser.parseString(real212).getAsJsonObject())).isFalse();
        String tcpSaid = real212.replace("\"enabled\"", "\"protocol\":\"tcp\",\"enabled\"");
        assertThat(UdpFaultProxy.isUdp(JsonParser.parseString(tcpSaid).getAsJsonObject())).isFalse();
    }

    @Test
    void theEmbeddedToxiproxysAnswerIsAUdpProxy() {
        String embedded = "{\"name\":\"X\",\"listen\":\"127.0.0.1:45953\",\"upstream\":\"127.0.0.1:10116\","
                + "\"protocol\":\"udp\",\"enabled\":true,\"Logger\":{},\"toxics\":[]}";
        assertThat(UdpFaultProxy.isUdp(JsonParser.parseString(embedded).getAsJsonObject())).isTrue();
    }

    @Test
    void theMessageIsOneLineThatNamesTheEmbeddedOne() {
        assertThat(UdpFaultProxy.NO_UDP).doesNotContain("\n").contains("no UDP support").contains("embedded");
    }

    @Test
    void onTheEmbeddedToxiproxyItMakesAUdpProxyAndItsFaultsWork() throws Exception {
        try (ToxiproxyEndpoint toxiproxy = ToxiproxyEndpoint.embedded(); UdpEcho echo = new UdpEcho();
             DatagramSocket client = new DatagramSocket()) {
            UdpFaultProxy proxy = UdpFaultProxy.open(toxiproxy, echo.address());
            byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
            assertThat(UdpEcho.exchange(client, proxy.endpoint().port(), hello, Duration.ofMillis(400))).hasSize(1);
            proxy.add(new DatagramFault.Duplicate(1), true);
            assertThat(UdpEcho.exchange(client, proxy.endpoint().port(), hello, Duration.ofMillis(400))).hasSize(2);
            proxy.add(new DatagramFault.Loss(1, 0), false);
            assertThat(UdpEcho.exchange(client, proxy.endpoint().port(), hello, Duration.ofMillis(400))).isEmpty();
            proxy.close();
            assertThat(toxiproxy.client().getProxies()).isEmpty();
        }
    }
}
