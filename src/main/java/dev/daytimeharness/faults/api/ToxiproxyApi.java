package dev.daytimeharness.faults.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daytimeharness.faults.Fields;
import dev.daytimeharness.faults.Proxies;
import dev.daytimeharness.faults.api.Route.Response;
import java.util.List;

/** Toxiproxy's HTTP API over {@link Proxies}: the whole API is the route table below. */
final class ToxiproxyApi {
    /** The Toxiproxy version whose API this one follows. */
    static final String VERSION = "2.12.0";

    private final Proxies proxies;
    final List<Route> routes;

    ToxiproxyApi(Proxies proxies) {
        this.proxies = proxies;
        this.routes = List.of(
                Route.of("GET", "/version", (p, b) -> new Response(200, VERSION)),
                Route.of("POST", "/reset", (p, b) -> reset()),
                Route.of("GET", "/proxies", (p, b) -> Response.json(200, proxies.all())),
                Route.of("POST", "/proxies", (p, b) -> Response.json(201, proxies.create(Fields.object(b)).json())),
                Route.of("POST", "/populate", (p, b) -> populate(b)),
                Route.of("GET", "/proxies/{proxy}", (p, b) -> Response.json(200, proxies.get(p.get(0)).json())),
                Route.of("POST", "/proxies/{proxy}", this::updateProxy),
                Route.of("PATCH", "/proxies/{proxy}", this::updateProxy),
                Route.of("DELETE", "/proxies/{proxy}", (p, b) -> deleteProxy(p.get(0))),
                Route.of("GET", "/proxies/{proxy}/toxics", (p, b) -> Response.json(200, proxies.get(p.get(0)).toxicsJson())),
                Route.of("POST", "/proxies/{proxy}/toxics",
                        (p, b) -> Response.json(200, proxies.get(p.get(0)).addToxic(Fields.object(b)).json())),
                Route.of("GET", "/proxies/{proxy}/toxics/{toxic}",
                        (p, b) -> Response.json(200, proxies.get(p.get(0)).toxic(p.get(1)).json())),
                Route.of("POST", "/proxies/{proxy}/toxics/{toxic}", this::updateToxic),
                Route.of("PATCH", "/proxies/{proxy}/toxics/{toxic}", this::updateToxic),
                Route.of("DELETE", "/proxies/{proxy}/toxics/{toxic}", (p, b) -> deleteToxic(p.get(0), p.get(1))));
    }

    private Response reset() {
        proxies.reset();
        return Response.empty(204);
    }

    private Response populate(JsonElement body) {
        JsonArray list;
        if (body != null && body.isJsonArray()) {
            list = body.getAsJsonArray();
        } else {
            throw ApiError.BAD_BODY.with();
        }
        JsonObject result = new JsonObject();
        result.add("proxies", proxies.populate(list));
        return Response.json(201, result);
    }

    private Response updateProxy(List<String> p, JsonElement body) {
        return Response.json(200, proxies.get(p.get(0)).update(Fields.object(body)).json());
    }

    private Response deleteProxy(String name) {
        proxies.delete(name);
        return Response.empty(204);
    }

    private Response updateToxic(List<String> p, JsonElement body) {
        return Response.json(200, proxies.get(p.get(0)).updateToxic(p.get(1), Fields.object(body)).json());
    }

    private Response deleteToxic(String proxy, String toxic) {
        proxies.get(proxy).removeToxic(toxic);
        return Response.empty(204);
    }
}
