package dev.daytimeharness.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void readsHostAndPortAsUsersWriteThem() {
        assertThat(Endpoint.parse("127.0.0.1:1313", 13)).isEqualTo(new Endpoint("127.0.0.1", 1313));
        assertThat(Endpoint.parse("time.example.org", 13)).isEqualTo(new Endpoint("time.example.org", 13));
        assertThat(Endpoint.parse("[::1]:1313", 13)).isEqualTo(new Endpoint("::1", 1313));
        assertThat(Endpoint.parse("::1", 13)).isEqualTo(new Endpoint("::1", 13));
    }

    @Test
    void rejectsBadPortsWithTheReason() {
        assertThatThrownBy(() -> Endpoint.parse("127.0.0.1:abc", 13)).hasMessageContaining("'abc'").hasMessageContaining("not a port");
        assertThatThrownBy(() -> Endpoint.parse("127.0.0.1:70000", 13)).hasMessageContaining("out of range");
    }

    @Test
    void takesBareIpv6AddressesButNotTwoColonsOfAnythingElse() {
        assertThat(Endpoint.parse("0:0:0:0:0:0:0:1", 13)).isEqualTo(new Endpoint("0:0:0:0:0:0:0:1", 13));
        assertThat(Endpoint.parse("fe80::1%eth0", 13)).isEqualTo(new Endpoint("fe80::1%eth0", 13));
        // What an unbracketed address with a port looks like: 8 colons, no valid IPv6 address.
        assertThatThrownBy(() -> Endpoint.parse("0:0:0:0:0:0:0:1:1313", 13)).hasMessageContaining("[::1]:13");
        assertThatThrownBy(() -> Endpoint.parse("127.0.0.1:1313:13", 13)).hasMessageContaining("more than one ':'");
    }

    @Test
    void aTargetCannotBePortZeroThoughAListenAddressCan() {
        assertThat(Endpoint.parse("127.0.0.1:0", 13).port()).isZero();
        assertThatThrownBy(() -> Endpoint.parseTarget("127.0.0.1:0", 13)).hasMessageContaining("port 0");
    }

    @Test
    void printsIpv6InBracketsSoItCanBeParsedBack() {
        Endpoint e = new Endpoint("0:0:0:0:0:0:0:1", 1313);
        assertThat(e.toString()).isEqualTo("[0:0:0:0:0:0:0:1]:1313");
        assertThat(Endpoint.parse(e.toString(), 13)).isEqualTo(e);
    }

    @Test
    void knowsLoopbackFromTheRest() {
        assertThat(new Endpoint("127.0.0.2", 13).isLoopback()).isTrue();
        assertThat(new Endpoint("localhost", 13).isLoopback()).isTrue();
        assertThat(new Endpoint("::1", 13).isLoopback()).isTrue();
        assertThat(new Endpoint("time.nist.gov", 13).isLoopback()).isFalse();
    }
}
