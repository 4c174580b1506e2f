package dev.daytimeharness.faults.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Metrics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A proxy's listen address in Toxiproxy's (Go's) words. */
class ListenTextTest {
    @Test
    void writesAddressesAsGoJoinsThem() throws Exception {
        assertThat(ListenText.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 8474)))
                .isEqualTo("127.0.0.1:8474");
        assertThat(ListenText.of(new InetSocketAddress(InetAddress.getByName("::1"), 8474))).isEqualTo("[::1]:8474");
        assertThat(ListenText.of(new InetSocketAddress(InetAddress.getByName("fe80:0:0:0:0:0:0:2"), 1)))
                .isEqualTo("[fe80::2]:1");
    }

    @Test
    void anIpv6ProxyPrintsItsListenInBrackets() throws Exception {
        try (LinkLoop loop = new LinkLoop();
             ProxyListener proxy = ProxyListener.start("v6", new InetSocketAddress("::1", 0),
                     Endpoint.parse("127.0.0.1:1", 0), List::of, Metrics.none(), "127.0.0.1:1", loop)) {
            assertThat(proxy.listen()).matches("\\[::1\\]:[1-9][0-9]*");
        }
    }
}
