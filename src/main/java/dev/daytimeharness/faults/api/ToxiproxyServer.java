package dev.daytimeharness.faults.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.daytimeharness.faults.Proxies;
import dev.daytimeharness.faults.api.Route.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An embedded server that speaks Toxiproxy 2.x's HTTP API, so any Toxiproxy client, toxiproxy-java
 * among them, drives it as it would the real one.
 */
public final class ToxiproxyServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 8474;

    private final HttpServer http;
    private final Proxies proxies;
    private final ExecutorService workers;

    private ToxiproxyServer(HttpServer http, Proxies proxies, ExecutorService workers) {
        this.http = http;
        this.proxies = proxies;
        this.workers = workers;
    }

    /** Starts the API on {@code address} (loopback unless the user asks otherwise; port 0 for a free one). */
    public static ToxiproxyServer start(InetSocketAddress address) throws IOException {
        Proxies proxies = new Proxies();
        ToxiproxyApi api = new ToxiproxyApi(proxies);
        HttpServer http = HttpServer.create(address, 64);
        ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "toxiproxy-api");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(workers);
        http.createContext("/", exchange -> answer(api.routes, exchange));
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

    private static void answer(List<Route> routes, HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = route(routes, exchange);
        } catch (ApiError.Failure f) {
            response = error(f.error.status, f.getMessage());
        } catch (RuntimeException e) {
            response = error(500, String.valueOf(e.getMessage()));
        }
        send(exchange, response);
    }

    private static Response route(List<Route> routes, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        boolean pathKnown = false;
        for (Route r : routes) {
            List<String> params = r.match(method, path);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (r.method().equals(method)) {
                return r.handler().handle(params, body(exchange));
            }
        }
        throw (pathKnown ? ApiError.METHOD_NOT_ALLOWED : ApiError.NO_ROUTE).with();
    }

    private static JsonElement body(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return null;
        }
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw ApiError.BAD_BODY.with();
        }
    }

    private static Response error(int status, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        body.addProperty("status", status);
        return Response.json(status, body);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        try (exchange) {
            if (response.body() == null) {
                exchange.sendResponseHeaders(response.status(), -1);
                return;
            }
            boolean json = response.body() instanceof JsonElement;
            byte[] bytes = (json ? response.body().toString() + "\n" : response.body().toString())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", json ? "application/json" : "text/plain;charset=utf-8");
            exchange.sendResponseHeaders(response.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
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
