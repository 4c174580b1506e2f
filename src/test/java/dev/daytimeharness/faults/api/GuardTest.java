package dev.daytimeharness.faults.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Web pages cannot drive the API: browsers are refused as by Toxiproxy, foreign Host names as well. */
@Tag("probe")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class GuardTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final String PROXY = "{\"name\":\"y\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}";
    @RegisterExtension
    final LoopbackToxiproxy server = new LoopbackToxiproxy();



    private RawHttp send(String method, String path, Map<String, String> headers, String body) throws Exception {
        return RawHttp.send(server.port(), method, path, headers, body, DEADLINE);
    }

    @Test
    void aBrowserIsRefusedOnEveryRouteAndCreatesNothing() throws Exception {
        Map<String, String> browser = Map.of("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)");
        for (String[] r : new String[][] {{"GET", "/version"}, {"GET", "/proxies"}, {"POST", "/proxies"}, {"POST", "/reset"},
                {"DELETE", "/proxies/y"}, {"POST", "/populate"}, {"GET", "/proxies/y/toxics"}}) {
            RawHttp got = send(r[0], r[1], browser, r[0].equals("GET") ? null : PROXY);
            assertThat(got.status()).as(r[0] + " " + r[1]).isEqualTo(403);
            assertThat(got.contentType()).isEqualTo("text/plain; charset=utf-8");
            assertThat(got.body()).isEqualTo("User agent not allowed\n");
        }
        assertThat(send("GET", "/proxies", Map.of(), null).body()).isEqualTo("{}");
    }

    @Test
    void aForeignHostIsRefusedWhenTheApiIsOnLoopback() throws Exception {
        RawHttp got = send("POST", "/proxies", Map.of("Host", "evil.example:8474"), PROXY);
        assertThat(got.status()).isEqualTo(403);
        assertThat(got.body()).isEqualTo("Host not allowed\n");
        assertThat(send("GET", "/proxies", Map.of(), null).body()).isEqualTo("{}");
    }

    @Test
    void thisMachinesNamesAndAddressesAreServed() throws Exception {
        for (String host : new String[] {"127.0.0.1:8474", "localhost", "LOCALHOST:1", "[::1]:8474", "app.localhost"}) {
            assertThat(send("GET", "/version", Map.of("Host", host), null).status()).as(host).isEqualTo(200);
        }
    }
}
