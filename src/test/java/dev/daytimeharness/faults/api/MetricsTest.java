package dev.daytimeharness.faults.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.ClientOptions;
import dev.daytimeharness.client.DaytimeClient;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /metrics} as Toxiproxy 2.12 offers it: only when asked for, under its names and labels. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MetricsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @Test
    void withoutEitherFlagThereIsNoMetricsRoute() throws Exception {
        try (ToxiproxyServer server = ToxiproxyServer.startOnLoopback()) {
            RawHttp got = RawHttp.send(server.port(), "GET", "/metrics", Map.of(), null, DEADLINE);
            assertThat(got.status()).isEqualTo(404);
            assertThat(got.body()).isEqualTo("404 page not found\n");
        }
    }

    @Test
    void proxyMetricsCountTheBytesOfEachDirectionWithToxiproxysLabels() throws Exception {
        try (ToxiproxyServer server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0), Metrics.of(true, false));
             DaytimeServer daytime = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            String upstream = "127.0.0.1:" + daytime.start();
            RawHttp created = RawHttp.send(server.port(), "POST", "/proxies", Map.of(),
                    "{\"name\":\"m\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"" + upstream + "\"}", DEADLINE);
            String listen = com.google.gson.JsonParser.parseString(created.body()).getAsJsonObject().get("listen").getAsString();
            int bytes = DaytimeClient.fetch(Endpoint.parse(listen, 0), ClientOptions.defaults()).reply().length;
            String labels = "{direction=\"downstream\",listener=\"" + listen + "\",proxy=\"m\",upstream=\"" + upstream + "\"}";
            String text = "";
            long until = System.nanoTime() + DEADLINE.toNanos();
            while (!text.contains("toxiproxy_proxy_sent_bytes_total" + labels + " " + bytes) && System.nanoTime() < until) {
                text = RawHttp.send(server.port(), "GET", "/metrics", Map.of(), null, DEADLINE).body();
            }
            assertThat(text).contains("# TYPE toxiproxy_proxy_received_bytes_total counter")
                    .contains("toxiproxy_proxy_received_bytes_total" + labels + " " + bytes)
                    .contains("toxiproxy_proxy_sent_bytes_total" + labels + " " + bytes)
                    .doesNotContain("process_");
        }
    }

    @Test
    void runtimeMetricsUseTheGoCollectorsNames() throws Exception {
        try (ToxiproxyServer server = ToxiproxyServer.start(new InetSocketAddress("127.0.0.1", 0), Metrics.of(false, true))) {
            RawHttp got = RawHttp.send(server.port(), "GET", "/metrics", Map.of(), null, DEADLINE);
            assertThat(got.status()).isEqualTo(200);
            assertThat(got.contentType()).startsWith("text/plain; version=0.0.4");
            assertThat(got.body()).contains("# TYPE go_goroutines gauge").contains("process_resident_memory_bytes ")
                    .doesNotContain("toxiproxy_proxy_");
        }
    }
}
