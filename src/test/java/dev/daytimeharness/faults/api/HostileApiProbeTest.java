package dev.daytimeharness.faults.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hostile requests that once broke the embedded API, replayed on every build against a real
 * server on loopback: races, names that are not form data, a populate that fails half-way, slow
 * and huge requests, and values no connection could be given. Each case is bounded in count and time.
 */
@Tag("probe")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileApiProbeTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    @RegisterExtension
    final LoopbackToxiproxy server = new LoopbackToxiproxy();



    private RawHttp send(String method, String path, String body) throws IOException {
        return RawHttp.send(server.port(), method, path, Map.of("Content-Type", "application/json"), body, DEADLINE);
    }

    private static String proxy(String name, String listen) {
        return "{\"name\":\"" + name + "\",\"listen\":\"" + listen + "\",\"upstream\":\"127.0.0.1:9\"}";
    }

    private static boolean listens(String hostPort) {
        String[] hp = hostPort.split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hp[0], Integer.parseInt(hp[1])), 1000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Test
    void racingCreateToggleAndDeleteLeaveNoListenerBehind() throws Exception {
        // One fixed port for every create, so a port still bound after the last delete is ours,
        // never another process's that happened to get a freed ephemeral port.
        String listen;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            listen = "127.0.0.1:" + probe.getLocalPort();
        }
        String body = proxy("race", listen);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        List<java.util.concurrent.Future<Integer>> running = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                int created = 0;
                for (int i = 0; i < 2_000 && System.nanoTime() < until; i++) {
                    RawHttp r = switch ((client + i) % 4) {
                        case 0 -> send("POST", "/proxies", body);
                        case 1 -> send("POST", "/proxies/race", "{\"enabled\":false}");
                        case 2 -> send("PATCH", "/proxies/race", "{\"enabled\":true}");
                        default -> send("DELETE", "/proxies/race", null);
                    };
                    created += r.status() == 201 ? 1 : 0;
                }
                return created;
            }));
        }
        int created = 0;
        for (var f : running) {
            created += f.get(30, TimeUnit.SECONDS);
        }
        clients.shutdownNow();
        send("DELETE", "/proxies/race", null);
        assertThat(created).as("proxies created during the race").isPositive();
        assertThat(send("GET", "/proxies/race", null).status()).isEqualTo(404);
        assertThat(listens(listen)).as(listen + " still listening after the delete").isFalse();
        assertThat(send("POST", "/proxies", body).status()).as("creating it again on its port").isEqualTo(201);
    }

    @Test
    void pathNamesArePercentDecodedOnlyNeverFormDecoded() throws Exception {
        assertThat(send("POST", "/proxies", proxy("a+b", "127.0.0.1:0")).status()).isEqualTo(201);
        assertThat(send("POST", "/proxies", proxy("a b", "127.0.0.1:0")).status()).isEqualTo(201);
        assertThat(send("POST", "/proxies", proxy("50%", "127.0.0.1:0")).status()).isEqualTo(201);
        assertThat(send("DELETE", "/proxies/a+b", null).status()).isEqualTo(204);
        assertThat(send("GET", "/proxies/a%20b", null).status()).isEqualTo(200);
        assertThat(send("GET", "/proxies/50%25", null).status()).isEqualTo(200);
        assertThat(send("GET", "/proxies/%", null).status()).isBetween(400, 404);
        assertThat(send("GET", "/proxies", null).body()).doesNotContain("a+b").contains("\"a b\"").contains("\"50%\"");
    }

    @Test
    void aPopulateThatFailsHalfWayChangesNothing() throws Exception {
        RawHttp kept = send("POST", "/proxies", proxy("keep", "127.0.0.1:0"));
        String keepListen = JsonParser.parseString(kept.body()).getAsJsonObject().get("listen").getAsString();
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String list = "[" + proxy("keep", "127.0.0.1:0").replace("127.0.0.1:9", "127.0.0.1:10") + ","
                    + proxy("new", "127.0.0.1:" + taken.getLocalPort()) + "]";
            RawHttp failed = send("POST", "/populate", list);
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.body()).contains("\"error\":\"listen tcp 127.0.0.1:" + taken.getLocalPort());
        }
        RawHttp after = send("GET", "/proxies/keep", null);
        assertThat(after.body()).contains("\"listen\":\"" + keepListen + "\"").contains("\"upstream\":\"127.0.0.1:9\"")
                .contains("\"enabled\":true");
        assertThat(listens(keepListen)).isTrue();
        assertThat(send("GET", "/proxies/new", null).status()).isEqualTo(404);
    }

    @Test
    void slowClientsCannotKeepTheApiFromAnswering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // More than the API's workers, each holding a request open a byte at a time.
            for (int i = 0; i < ApiLimits.WORKERS + 4; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("GET /version HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            long started = System.nanoTime();
            long limit = Duration.ofSeconds(ApiLimits.REQUEST_SECONDS + 5).toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() - started < limit) {
                for (Socket s : slow) {
                    drip(s);
                }
                try {
                    status = RawHttp.send(server.port(), "GET", "/version", Map.of(), null, Duration.ofSeconds(1)).status();
                } catch (IOException stillBusy) {
                    status = 0;
                }
            }
            assertThat(status).as("answered within %d s despite %d slow clients", ApiLimits.REQUEST_SECONDS + 5, slow.size())
                    .isEqualTo(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    private static void drip(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write('x');
            out.flush();
        } catch (IOException cutOff) {
            // The API closed it: what it should do to a client this slow.
        }
    }

    @Test
    void hugeBodiesAndNamesAreRefused() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(ApiLimits.MAX_BODY) + "\",\"upstream\":\"127.0.0.1:9\"}";
        RawHttp tooBig;
        try {
            tooBig = send("POST", "/proxies", huge);
            assertThat(tooBig.status()).isEqualTo(413);
        } catch (java.net.SocketException closedBeforeAllWasSent) {
            // Refused before the body was read, the connection closed under the rest of it: also a refusal.
        }
        RawHttp longName = send("POST", "/proxies", proxy("n".repeat(ApiLimits.MAX_NAME + 1), "127.0.0.1:0"));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.body()).contains("name is longer than " + ApiLimits.MAX_NAME + " bytes");
        assertThat(send("POST", "/proxies", proxy("n".repeat(ApiLimits.MAX_NAME), "127.0.0.1:0")).status()).isEqualTo(201);
        assertThat(send("GET", "/proxies", null).body().length()).isLessThan(2_000);
    }

    @Test
    void valuesNoConnectionCouldBeGivenAreRefusedAndNotStored() throws Exception {
        send("POST", "/proxies", proxy("v", "127.0.0.1:0"));
        String[] hostile = {
            "{\"type\":\"slicer\",\"attributes\":{\"average_size\":4294967296}}",
            "{\"type\":\"latency\",\"attributes\":{\"jitter\":9223372036854775807}}",
            "{\"type\":\"bandwidth\",\"attributes\":{\"rate\":18014398509481984}}",
            "{\"type\":\"latency\",\"attributes\":{\"latency\":1e308}}",
            "{\"type\":\"latency\",\"attributes\":{\"latency\":9223372036854775808}}",
            "{\"type\":\"latency\",\"toxicity\":NaN}",
            "{\"type\":\"latency\",\"toxicity\":\"x\"}",
            "{\"type\":\"latency\",\"toxicity\":1e39}",
            "{\"type\":\"latency\",\"attributes\":\"fast\"}",
        };
        for (String body : hostile) {
            RawHttp r = send("POST", "/proxies/v/toxics", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).startsWith("{\"error\":\"bad request body: ");
        }
        RawHttp enabled = send("PATCH", "/proxies/v", "{\"enabled\":{}}");
        assertThat(enabled.status()).isEqualTo(400);
        assertThat(enabled.body()).contains("json: cannot unmarshal object into Go struct field Proxy.enabled of type bool");
        assertThat(send("GET", "/proxies/v/toxics", null).body()).isEqualTo("[]");
    }
}
