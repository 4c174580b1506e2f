package dev.daytimeharness.faults.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.faults.link.UdpEcho;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UDP proxies and their toxics, through the HTTP API only: {@code "protocol":"udp"} on a proxy,
 * then each datagram toxic seen from a client socket in front of a UDP echo server. And
 * {@code packet_loss} on a TCP proxy, over raw HTTP (toxiproxy-java has no call for it).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UdpProxyHttpTest {
    private static final Duration QUIET = Duration.ofMillis(400);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @RegisterExtension
    final LoopbackToxiproxy server = new LoopbackToxiproxy();
    private UdpEcho echo;
    private DatagramSocket client;

    @BeforeEach
    void start() throws Exception {
        echo = new UdpEcho();
        client = new DatagramSocket();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        echo.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(5));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A UDP proxy to the echo server; its port. */
    private int udpProxy() throws Exception {
        HttpResponse<String> r = call("POST", "/proxies", "{\"name\":\"u\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                + echo.address() + "\",\"protocol\":\"udp\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher m = Pattern.compile("\"listen\":\"127\\.0\\.0\\.1:(\\d+)\"").matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private void toxic(String body) throws Exception {
        HttpResponse<String> r = call("POST", "/proxies/u/toxics", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private List<byte[]> ask(int port, String text) throws Exception {
        return UdpEcho.exchange(client, port, text.getBytes(StandardCharsets.US_ASCII), QUIET);
    }

    @Test
    void aUdpProxySaysSoAndATcpProxyKeeps212sJson() throws Exception {
        udpProxy();
        assertThat(call("GET", "/proxies/u", null).body()).contains(",\"protocol\":\"udp\",");
        call("POST", "/proxies", "{\"name\":\"t\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\",\"protocol\":\"tcp\"}");
        call("POST", "/proxies", "{\"name\":\"d\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}");
        assertThat(call("GET", "/proxies/t", null).body()).doesNotContain("protocol");
        assertThat(call("GET", "/proxies/d", null).body()).doesNotContain("protocol");
    }

    @Test
    void populateMakesUdpProxiesAndReplacesOneWhoseProtocolChanged() throws Exception {
        String first = call("POST", "/populate", "[{\"name\":\"p\",\"listen\":\"127.0.0.1:0\",\"upstream\":\""
                + echo.address() + "\"}]").body();
        assertThat(first).doesNotContain("protocol");
        Matcher m = Pattern.compile("\"listen\":\"(127\\.0\\.0\\.1:\\d+)\"").matcher(first);
        assertThat(m.find()).as(first).isTrue();
        // The same name, listen and upstream: only the protocol differs, and that is enough to replace it.
        String tcp = "[{\"name\":\"p\",\"listen\":\"" + m.group(1) + "\",\"upstream\":\"" + echo.address() + "\"}]";
        assertThat(call("POST", "/populate", tcp).body()).doesNotContain("protocol");
        HttpResponse<String> r = call("POST", "/populate", tcp.replace("}]", ",\"protocol\":\"udp\"}]"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"protocol\":\"udp\"");
        assertThat(call("GET", "/proxies/p", null).body()).contains("\"protocol\":\"udp\"");
    }

    @Test
    void anUnknownProtocolIsRefused() throws Exception {
        HttpResponse<String> r = call("POST", "/proxies",
                "{\"name\":\"s\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\",\"protocol\":\"sctp\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body().strip()).isEqualTo("{\"error\":\"invalid protocol, can be either tcp or udp\",\"status\":400}");
    }

    @Test
    void aUdpProxyRelaysDatagramsBothWays() throws Exception {
        int port = udpProxy();
        assertThat(ask(port, "hello")).extracting(b -> new String(b, StandardCharsets.US_ASCII)).containsExactly("hello");
    }

    @Test
    void aStreamToxicIsRefusedOnAUdpProxyAndDuplicateOnATcpOne() throws Exception {
        udpProxy();
        HttpResponse<String> r = call("POST", "/proxies/u/toxics", "{\"type\":\"slicer\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("invalid toxic type for a udp proxy: slicer");
        call("POST", "/proxies", "{\"name\":\"t\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}");
        // Toxiproxy 2.12 knows no duplicate toxic: its own words for an unknown type.
        HttpResponse<String> tcp = call("POST", "/proxies/t/toxics", "{\"type\":\"duplicate\"}");
        assertThat(tcp.statusCode()).isEqualTo(400);
        assertThat(tcp.body().strip()).isEqualTo("{\"error\":\"invalid toxic type\",\"status\":400}");
    }

    @Test
    void latencyDelaysEachDatagram() throws Exception {
        int port = udpProxy();
        toxic("{\"type\":\"latency\",\"attributes\":{\"latency\":300}}");
        long start = System.nanoTime();
        assertThat(ask(port, "late")).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void jitterLetsLaterDatagramsOvertakeEarlierOnes() throws Exception {
        int port = udpProxy();
        toxic("{\"type\":\"latency\",\"attributes\":{\"latency\":600,\"jitter\":500}}");
        for (int i = 0; i < 30; i++) {
            client.send(new java.net.DatagramPacket(new byte[] {(byte) i}, 1, java.net.InetAddress.getLoopbackAddress(), port));
        }
        List<byte[]> got = UdpEcho.collect(client, Duration.ofMillis(1500), 30);
        assertThat(got).hasSize(30);
        // 30 delays drawn from a 1000 ms range, sent within a millisecond: in order by chance 1 in 30!.
        assertThat(got).extracting(b -> (int) b[0]).isNotEqualTo(java.util.stream.IntStream.range(0, 30).boxed().toList());
    }

    @Test
    void packetLossOfOneDropsEveryDatagramAndZeroNone() throws Exception {
        int port = udpProxy();
        toxic("{\"name\":\"loss\",\"type\":\"packet_loss\",\"stream\":\"upstream\",\"attributes\":{\"loss_rate\":1.0}}");
        assertThat(ask(port, "lost")).isEmpty();
        assertThat(echo.received()).isZero();
        assertThat(call("GET", "/proxies/u/toxics/loss", null).body())
                .contains("\"attributes\":{\"loss_rate\":1,\"correlation\":0}"); // Go marshals 1.0 as 1
        call("PATCH", "/proxies/u/toxics/loss", "{\"attributes\":{\"loss_rate\":0}}");
        assertThat(ask(port, "kept")).hasSize(1);
    }

    @Test
    void toxicityIsDecidedForEachDatagram() throws Exception {
        int port = udpProxy();
        toxic("{\"type\":\"packet_loss\",\"toxicity\":0.5,\"attributes\":{\"loss_rate\":1}}");
        int answered = 0;
        for (int i = 0; i < 40; i++) {
            client.send(new java.net.DatagramPacket(new byte[] {(byte) i}, 1, java.net.InetAddress.getLoopbackAddress(), port));
        }
        answered = UdpEcho.collect(client, QUIET, 40).size();
        // Decided once for the one client, it would be all or none; per datagram it is about half.
        assertThat(answered).isBetween(1, 39);
    }

    @Test
    void duplicateSendsEachDatagramAgain() throws Exception {
        int port = udpProxy();
        toxic("{\"type\":\"duplicate\",\"attributes\":{\"copies\":2}}");
        assertThat(ask(port, "twice")).hasSize(3).allSatisfy(b -> assertThat(new String(b, StandardCharsets.US_ASCII)).isEqualTo("twice"));
        assertThat(echo.received()).isEqualTo(1);
    }

    @Test
    void tooManyCopiesAreRefusedWithTheRange() throws Exception {
        udpProxy();
        HttpResponse<String> r = call("POST", "/proxies/u/toxics", "{\"type\":\"duplicate\",\"attributes\":{\"copies\":1000000}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("copies must be between 0 and 100");
    }

    @Test
    void limitDataTruncatesEachDatagram() throws Exception {
        int port = udpProxy();
        toxic("{\"type\":\"limit_data\",\"attributes\":{\"bytes\":5}}");
        assertThat(ask(port, "Wed Dec  2 05:47:34 2026\r\n")).extracting(b -> new String(b, StandardCharsets.US_ASCII))
                .containsExactly("Wed D");
        assertThat(ask(port, "again, whole?")).extracting(b -> new String(b, StandardCharsets.US_ASCII))
                .containsExactly("again");
    }

    @Test
    void timeoutIsABlackhole() throws Exception {
        int port = udpProxy();
        toxic("{\"type\":\"timeout\",\"attributes\":{\"timeout\":100}}");
        assertThat(ask(port, "void")).isEmpty();
        assertThat(echo.received()).as("the request went through; the reply did not").isEqualTo(1);
    }

    @Test
    void bandwidthSpacesDatagramsByTheirSize() throws Exception {
        int port = udpProxy();
        // 2 KB/s: each 500-byte reply takes 250 ms on the link, so three take 750 ms.
        toxic("{\"type\":\"bandwidth\",\"attributes\":{\"rate\":2}}");
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            client.send(new java.net.DatagramPacket(new byte[500], 500, java.net.InetAddress.getLoopbackAddress(), port));
        }
        assertThat(UdpEcho.collect(client, Duration.ofMillis(1000), 3)).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(750));
    }

    @Test
    void packetLossOnATcpProxyDropsChunks() throws Exception {
        try (java.net.ServerSocket upstream = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread serve = new Thread(() -> {
                try (Socket s = upstream.accept()) {
                    s.getOutputStream().write("Wed Dec  2 05:47:34 2026\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException ignored) {
                    // The test's assertions say what went wrong.
                }
            });
            serve.setDaemon(true);
            serve.start();
            HttpResponse<String> p = call("POST", "/proxies", "{\"name\":\"t\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:"
                    + upstream.getLocalPort() + "\"}");
            Matcher m = Pattern.compile("\"listen\":\"127\\.0\\.0\\.1:(\\d+)\"").matcher(p.body());
            assertThat(m.find()).isTrue();
            RawHttp r = RawHttp.send(server.port(), "POST", "/proxies/t/toxics", java.util.Map.of("Content-Type",
                    "application/json"), "{\"type\":\"packet_loss\",\"attributes\":{\"loss_rate\":1}}", Duration.ofSeconds(5));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"type\":\"packet_loss\"").contains("\"loss_rate\":1,");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))), 2000);
                s.setSoTimeout(5000);
                InputStream in = s.getInputStream();
                assertThat(in.readAllBytes()).as("the reply's chunk was lost; the close came through").isEmpty();
            }
        }
    }
}
