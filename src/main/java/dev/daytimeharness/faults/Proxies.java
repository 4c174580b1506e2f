package dev.daytimeharness.faults;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.daytimeharness.faults.api.ApiError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every proxy of one embedded Toxiproxy, by name. All changes go through here, one at a time. */
public final class Proxies implements AutoCloseable {
    private final Map<String, ProxyState> byName = new LinkedHashMap<>();

    public synchronized JsonObject all() {
        JsonObject json = new JsonObject();
        byName.forEach((name, p) -> json.add(name, p.json()));
        return json;
    }

    public synchronized ProxyState get(String name) {
        ProxyState p = byName.get(name);
        if (p == null) {
            throw ApiError.PROXY_NOT_FOUND.with();
        }
        return p;
    }

    public synchronized ProxyState create(JsonObject body) {
        String name = Fields.required(body, "name");
        if (byName.containsKey(name)) {
            throw ApiError.PROXY_EXISTS.with();
        }
        ProxyState p = new ProxyState(name, Fields.optional(body, "listen", "127.0.0.1:0"),
                Fields.required(body, "upstream"));
        if (!body.has("enabled") || body.get("enabled").getAsBoolean()) {
            p.enable();
        }
        byName.put(name, p);
        return p;
    }

    /** Creates or replaces each proxy in the list, as {@code POST /populate} does. */
    public synchronized JsonArray populate(JsonArray list) {
        JsonArray created = new JsonArray();
        List<JsonObject> bodies = new ArrayList<>();
        list.forEach(e -> bodies.add(Fields.object(e)));
        for (JsonObject body : bodies) {
            String name = Fields.required(body, "name");
            Fields.required(body, "upstream");
            ProxyState old = byName.remove(name);
            if (old != null) {
                old.disable();
            }
            created.add(create(body).json());
        }
        return created;
    }

    public synchronized void delete(String name) {
        get(name).disable();
        byName.remove(name);
    }

    /** Re-enables every proxy and removes every toxic. */
    public synchronized void reset() {
        for (ProxyState p : byName.values()) {
            p.removeAllToxics();
            p.enable();
        }
    }

    @Override
    public synchronized void close() {
        byName.values().forEach(ProxyState::disable);
        byName.clear();
    }
}
