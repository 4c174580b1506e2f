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
    void knowsLoopbackFromTheRest() {
        assertThat(new Endpoint("127.0.0.2", 13).isLoopback()).isTrue();
        assertThat(new Endpoint("localhost", 13).isLoopback()).isTrue();
        assertThat(new Endpoint("::1", 13).isLoopback()).isTrue();
        assertThat(new Endpoint("time.nist.gov", 13).isLoopback()).isFalse();
    }
}
