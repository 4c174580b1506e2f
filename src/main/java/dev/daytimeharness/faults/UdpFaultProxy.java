package dev.daytimeharness.faults;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daytimeharness.client.Endpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP proxy on a Toxiproxy, in front of a UDP daytime server. This is the one place the harness
 * speaks the embedded Toxiproxy's UDP extension: toxiproxy-java knows no {@code protocol} field
 * and no datagram toxics, so these few requests are written here as plain JSON over HTTP:
 * {@code POST /proxies} with {@code "protocol":"udp"}, {@code POST /proxies/NAME/toxics}, and
 * {@code DELETE /proxies/NAME}. A real Toxiproxy ignores the field and makes a TCP proxy; its
 * answer then lacks {@code "protocol":"udp"}, and {@link #open} says so instead of testing UDP
 * through a TCP proxy.
 */
public final class UdpFaultProxy implements AutoCloseable {
    /** Why UDP fault scenarios cannot run on a Toxiproxy without the extension; one line. */
    public static final String NO_UDP = "this Toxiproxy has no UDP support (it made a TCP proxy for \"protocol\":\"udp\");"
            + " the embedded one has (leave out --toxiproxy)";
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(DEADLINE).build();
    private final String apiUrl;
    private final String name;
    private Endpoint listen;

    private UdpFaultProxy(String apiUrl, String name) {
        this.apiUrl = apiUrl;
        this.name = name;
    }

    /** The Toxiproxy has no UDP proxies: the UDP fault scenarios are skipped with {@link #NO_UDP}. */
    public static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(NO_UDP, null, false, false);
        }
    }

    /**
     * Creates a UDP proxy to {@code upstream} (as the Toxiproxy sees it), listening on the
     * Toxiproxy's own host. Throws {@link Unsupported} when the Toxiproxy made a TCP proxy instead.
     */
    public static UdpFaultProxy open(ToxiproxyEndpoint toxiproxy, String upstream) {
        String name = "daytime-harness-udp-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
        UdpFaultProxy proxy = new UdpFaultProxy(toxiproxy.url(), name);
        JsonObject body = new JsonObject();
        body.addProperty("name", name);
        body.addProperty("listen", toxiproxy.plan().nextListen());
        body.addProperty("upstream", upstream);
        body.addProperty("protocol", "udp");
        JsonObject answer = proxy.send("POST", "/proxies", body, 201).orElseThrow();
        if (!isUdp(answer)) {
            proxy.close();
            throw new Unsupported();
        }
        proxy.listen = toxiproxy.plan().reach(answer.get("listen").getAsString());
        return proxy;
    }

    /** Whether a Toxiproxy's answer to the create describes a UDP proxy, not a TCP one made in its place. */
    static boolean isUdp(JsonObject answer) {
        JsonElement p = answer.get("protocol");
        return p != null && p.isJsonPrimitive() && "udp".equals(p.getAsString()) && answer.has("listen");
    }

    /** Where a client sends its datagrams to go through the proxy. */
    public Endpoint endpoint() {
        return listen;
    }

    /** Adds {@code fault} on replies ({@code downstream}) or on requests. */
    public void add(DatagramFault fault, boolean downstream) {
        String stream = downstream ? "downstream" : "upstream";
        JsonObject toxic = new JsonObject();
        toxic.addProperty("name", fault.type() + "_" + stream);
        toxic.addProperty("type", fault.type());
        toxic.addProperty("stream", stream);
        toxic.add("attributes", fault.attributes());
        send("POST", "/proxies/" + encoded() + "/toxics", toxic, 200);
    }

    @Override
    public void close() {
        try {
            send("DELETE", "/proxies/" + encoded(), null, 204);
        } catch (UncheckedIOException ignored) {
            // Already gone with its Toxiproxy.
        }
    }

    private String encoded() {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Optional<JsonObject> send(String method, String path, JsonObject body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(DEADLINE)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new UncheckedIOException(new IOException(method + " " + path + " on the Toxiproxy at " + apiUrl
                        + ": HTTP " + r.statusCode() + " " + r.body().strip()));
            }
            String text = r.body().strip();
            return text.startsWith("{") ? Optional.of(JsonParser.parseString(text).getAsJsonObject()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " on the Toxiproxy at " + apiUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted: " + method + " " + path));
        }
    }
}
