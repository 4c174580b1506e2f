package dev.daytimeharness.faults.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.Proxies;
import dev.daytimeharness.faults.api.Route.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An embedded server that answers Toxiproxy 2.12's HTTP API as Toxiproxy does, so any Toxiproxy
 * client (toxiproxy-java, toxiproxy-cli) drives it as it would the real one. Its limits, which
 * Toxiproxy does not have, are {@link ApiLimits}.
 */
public final class ToxiproxyServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 8474;

    static {
        ApiLimits.applyToJdkServer();
    }

    private final HttpServer http;
    private final Proxies proxies;
    private final ThreadPoolExecutor workers;

    private ToxiproxyServer(HttpServer http, Proxies proxies, ThreadPoolExecutor workers) {
        this.http = http;
        this.proxies = proxies;
        this.workers = workers;
    }

    /** Starts the API on {@code address} (loopback unless the user asks otherwise; port 0 for a free one). */
    public static ToxiproxyServer start(InetSocketAddress address) throws IOException {
        return start(address, Metrics.none());
    }

    /** As {@link #start(InetSocketAddress)}, with {@code /metrics} when {@code metrics} asks for it. */
    public static ToxiproxyServer start(InetSocketAddress address, Metrics metrics) throws IOException {
        Proxies proxies = new Proxies(metrics);
        ToxiproxyApi api = new ToxiproxyApi(proxies, metrics);
        HttpServer http = HttpServer.create(address, ApiLimits.BACKLOG);
        // A bounded pool and queue: past them a connection is closed, never queued without end.
        ThreadPoolExecutor workers = new ThreadPoolExecutor(ApiLimits.WORKERS, ApiLimits.WORKERS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(ApiLimits.QUEUED), r -> {
                    Thread t = new Thread(r, "toxiproxy-api");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        http.setExecutor(workers);
        Guard guard = Guard.forAddress(http.getAddress());
        http.createContext("/", exchange -> answer(api.routes, guard, exchange));
        http.start();
        return new ToxiproxyServer(http, proxies, workers);
    }

    public static ToxiproxyServer startOnLoopback() throws IOException {
        return start(new InetSocketAddress("127.0.0.1", 0));
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8474}. */
    public String url() {
        return "http://" + http.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    public Proxies proxies() {
        return proxies;
    }

    private static void answer(List<Route> routes, Guard guard, HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = route(routes, guard, exchange);
        } catch (ApiError.Failure f) {
            response = Response.error(f);
        } catch (RuntimeException e) {
            // A fault of ours, not the client's: Toxiproxy's own wording for an untyped error.
            response = Response.error(500, String.valueOf(e.getMessage()));
        }
        send(exchange, response);
    }

    private static Response route(List<Route> routes, Guard guard, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean pathKnown = false;
        for (Route r : routes) {
            List<String> params = r.match(path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (r.methods().contains(method)) {
                // As in Toxiproxy, the guards sit on the routes: an unknown path is 404 for anyone.
                Response refused = guard.refuse(exchange.getRequestHeaders());
                if (refused != null) {
                    return refused;
                }
                return r.handler().handle(params, body(exchange));
            }
        }
        // gorilla/mux: 405 with an empty body for a known path, Go's NotFound text otherwise.
        return pathKnown ? Response.empty(405) : Response.text(404, "404 page not found");
    }

    private static String body(HttpExchange exchange) throws IOException {
        ApiLimits.checkDeclaredLength(exchange.getRequestHeaders().getFirst("Content-Length"));
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(ApiLimits.MAX_BODY + 1);
            if (bytes.length > ApiLimits.MAX_BODY) {
                throw ApiLimits.bodyTooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        try (exchange) {
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            if (Response.TEXT.equals(response.contentType())) {
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            }
            if (response.status() >= 400 && exchange.getRequestBody().available() > 0) {
                // Unread body left on a refused request: do not keep the connection for more of it.
                exchange.getResponseHeaders().set("Connection", "close");
            }
            boolean noBody = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        proxies.close();
        workers.shutdownNow();
    }
}
