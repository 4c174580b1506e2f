package dev.daytimeharness.faults.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.Proxies;
import dev.daytimeharness.faults.api.Route.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Toxiproxy 2.12's HTTP API over {@link Proxies}: the whole API is the route table below, in the
 * order and with the methods of Toxiproxy's {@code api.go}. Updates answer POST as well as PATCH,
 * as Toxiproxy still does, though it logs POST as deprecated.
 */
final class ToxiproxyApi {
    /** The Toxiproxy version whose API this one follows, answer for answer. */
    static final String VERSION = "2.12.0";

    private final Proxies proxies;
    final List<Route> routes;

    ToxiproxyApi(Proxies proxies, Metrics metrics) {
        this.proxies = proxies;
        List<Route> table = new ArrayList<>(List.of(
                Route.of("POST", "/reset", (p, b) -> reset()),
                Route.of("GET", "/proxies", (p, b) -> Response.json(200, proxies.all())),
                Route.of("POST", "/proxies", (p, b) -> Response.json(201, proxies.create(object(b, "toxiproxy.Proxy")))),
                Route.of("POST", "/populate", (p, b) -> populate(b)),
                Route.of("GET", "/proxies/{proxy}", (p, b) -> Response.json(200, proxies.show(p.get(0)))),
                Route.of("POST,PATCH", "/proxies/{proxy}", (p, b) -> updateProxy(p.get(0), b)),
                Route.of("DELETE", "/proxies/{proxy}", (p, b) -> deleteProxy(p.get(0))),
                Route.of("GET", "/proxies/{proxy}/toxics", (p, b) -> Response.json(200, proxies.toxics(p.get(0)))),
                Route.of("POST", "/proxies/{proxy}/toxics", (p, b) -> addToxic(p.get(0), b)),
                Route.of("GET", "/proxies/{proxy}/toxics/{toxic}", (p, b) -> Response.json(200, proxies.toxic(p.get(0), p.get(1)))),
                Route.of("POST,PATCH", "/proxies/{proxy}/toxics/{toxic}", (p, b) -> updateToxic(p.get(0), p.get(1), b)),
                Route.of("DELETE", "/proxies/{proxy}/toxics/{toxic}", (p, b) -> deleteToxic(p.get(0), p.get(1))),
                // Go's fmt.Sprintf("{\"version\": \"%s\"}\n"): a space and a newline that json.Marshal would not write.
                Route.of("GET", "/version", (p, b) -> new Response(200, "application/json;charset=utf-8",
                        ("{\"version\": \"" + VERSION + "\"}\n").getBytes(StandardCharsets.UTF_8)))));
        if (metrics.enabled()) {
            table.add(Route.of("GET", "/metrics", (p, b) -> new Response(200, Metrics.CONTENT_TYPE,
                    metrics.exposition().getBytes(StandardCharsets.UTF_8))));
        }
        this.routes = List.copyOf(table);
    }

    private static JsonObject object(String body, String struct) {
        return dev.daytimeharness.faults.Fields.object(decode(body), struct);
    }

    private static JsonElement decode(String body) {
        try {
            return GoJson.decode(body);
        } catch (GoJson.SyntaxError e) {
            throw ApiError.BAD_BODY.with(e.getMessage());
        }
    }

    private Response reset() {
        proxies.reset();
        return Response.empty(204);
    }

    /**
     * Toxiproxy answers a populate as JSON whatever happens, the error (if any) beside the
     * proxies, even for a body it cannot read.
     */
    private Response populate(String body) {
        JsonObject result = new JsonObject();
        try {
            JsonElement list = decode(body);
            if (!list.isJsonArray()) {
                throw ApiError.BAD_BODY.with("json: cannot unmarshal " + dev.daytimeharness.faults.Fields.kind(list)
                        + " into Go value of type []struct { toxiproxy.Proxy; Enabled *bool \"json:\\\"enabled\\\"\" }");
            }
            JsonArray created = proxies.populate(list.getAsJsonArray());
            // Go marshals an empty slice it never appended to as null.
            result.add("proxies", created.isEmpty() ? com.google.gson.JsonNull.INSTANCE : created);
            return Response.json(201, result);
        } catch (ApiError.Failure f) {
            result.addProperty("error", f.getMessage());
            result.addProperty("status", f.error.status);
            result.add("proxies", com.google.gson.JsonNull.INSTANCE);
            return Response.json(f.error.status, result);
        }
    }

    private Response updateProxy(String name, String body) {
        proxies.show(name);
        return Response.json(200, proxies.update(name, object(body, "toxiproxy.Proxy")));
    }

    private Response deleteProxy(String name) {
        proxies.delete(name);
        return Response.empty(204);
    }

    private Response addToxic(String proxy, String body) {
        proxies.show(proxy);
        return Response.json(200, proxies.addToxic(proxy, object(body, "toxics.ToxicWrapper")));
    }

    private Response updateToxic(String proxy, String toxic, String body) {
        proxies.toxic(proxy, toxic);
        return Response.json(200, proxies.updateToxic(proxy, toxic, object(body, "struct { Attributes interface {}; Toxicity float32 }")));
    }

    private Response deleteToxic(String proxy, String toxic) {
        proxies.removeToxic(proxy, toxic);
        return Response.empty(204);
    }
}
