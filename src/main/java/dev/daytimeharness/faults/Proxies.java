package dev.daytimeharness.faults;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daytimeharness.faults.api.ApiError;
import dev.daytimeharness.faults.api.ApiLimits;
import dev.daytimeharness.faults.link.LinkLoop;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every proxy of one embedded Toxiproxy, by name. Every read and change goes through here, one at
 * a time, so a delete racing a toggle cannot leave a listener behind that the API no longer knows.
 */
public final class Proxies implements AutoCloseable {
    /** Go marshals a map with its keys in byte order, so the API lists proxies that way. */
    private final Map<String, ProxyState> byName = new TreeMap<>(
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    private final Metrics metrics;
    private final LinkLoop loop = new LinkLoop();

    public Proxies(Metrics metrics) {
        this.metrics = metrics;
    }

    public synchronized JsonObject all() {
        JsonObject json = new JsonObject();
        byName.forEach((name, p) -> json.add(name, p.json()));
        return json;
    }

    public synchronized JsonObject show(String name) {
        return get(name).json();
    }

    public synchronized JsonObject create(JsonObject body) {
        ProxyState p = parse(body, "");
        if (byName.containsKey(p.name())) {
            throw ApiError.PROXY_EXISTS.with();
        }
        if (Fields.bool(body, "Proxy", "enabled", true)) {
            p.enable();
        }
        byName.put(p.name(), p);
        return p.json();
    }

    /**
     * Creates or replaces each proxy in the list, as {@code POST /populate} does, but all or
     * nothing: where Toxiproxy stops at the first proxy that cannot listen, having already replaced
     * the ones before it (and removed that one's old self), this puts everything back as it was.
     */
    public synchronized JsonArray populate(JsonArray list) {
        ProxyState[] parsed = new ProxyState[list.size()];
        boolean[] enable = new boolean[list.size()];
        for (int i = 0; i < list.size(); i++) {
            JsonObject body = Fields.object(list.get(i), "toxiproxy.Proxy");
            parsed[i] = parse(body, " at proxy " + (i + 1));
            enable[i] = Fields.bool(body, "Proxy", "enabled", true);
        }
        Deque<ProxyState[]> undo = new ArrayDeque<>();
        JsonArray result = new JsonArray();
        try {
            for (int i = 0; i < parsed.length; i++) {
                ProxyState old = byName.get(parsed[i].name());
                if (old != null && old.udp() == parsed[i].udp()
                        && !old.differs(listenOf(parsed[i]), upstreamOf(parsed[i]))) {
                    result.add(old.json());
                    continue;
                }
                boolean oldWasEnabled = old != null && old.enabled();
                if (old != null) {
                    old.disable();
                }
                undo.push(new ProxyState[] {old, parsed[i], oldWasEnabled ? old : null});
                byName.put(parsed[i].name(), parsed[i]);
                if (enable[i]) {
                    parsed[i].enable();
                }
                result.add(parsed[i].json());
            }
            return result;
        } catch (ApiError.Failure f) {
            while (!undo.isEmpty()) {
                ProxyState[] step = undo.pop();
                step[1].remove();
                if (step[0] == null) {
                    byName.remove(step[1].name());
                } else {
                    byName.put(step[0].name(), step[0]);
                    if (step[2] != null) {
                        step[2].enable();
                    }
                }
            }
            throw f;
        }
    }

    public synchronized JsonObject update(String name, JsonObject body) {
        ProxyState p = get(name);
        p.update(body);
        return p.json();
    }

    public synchronized void delete(String name) {
        get(name).remove();
        byName.remove(name);
    }

    public synchronized JsonArray toxics(String proxy) {
        return get(proxy).toxicsJson();
    }

    public synchronized JsonObject addToxic(String proxy, JsonObject body) {
        return get(proxy).addToxic(body).json();
    }

    public synchronized JsonObject toxic(String proxy, String toxic) {
        return get(proxy).toxic(toxic).json();
    }

    public synchronized JsonObject updateToxic(String proxy, String toxic, JsonObject body) {
        return get(proxy).updateToxic(toxic, body).json();
    }

    public synchronized void removeToxic(String proxy, String toxic) {
        get(proxy).removeToxic(toxic);
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
        byName.values().forEach(ProxyState::remove);
        byName.clear();
        loop.close();
    }

    private ProxyState get(String name) {
        ProxyState p = byName.get(name);
        if (p == null) {
            throw ApiError.PROXY_NOT_FOUND.with();
        }
        return p;
    }

    private ProxyState parse(JsonObject body, String where) {
        String name = Fields.string(body, "Proxy", "name", "");
        String listen = Fields.string(body, "Proxy", "listen", "127.0.0.1:0");
        String upstream = Fields.string(body, "Proxy", "upstream", "");
        Fields.bool(body, "Proxy", "enabled", true);
        // An extension of the API: Toxiproxy 2.12 has no such field and ignores it (a TCP proxy).
        String protocol = Fields.string(body, "Proxy", "protocol", "tcp").toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw ApiError.INVALID_PROTOCOL.with();
        }
        if (name.isEmpty()) {
            throw ApiError.MISSING_FIELD.with("name" + where);
        }
        if (upstream.isEmpty()) {
            throw ApiError.MISSING_FIELD.with("upstream" + where);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > ApiLimits.MAX_NAME) {
            throw ApiError.NAME_TOO_LONG.with(ApiLimits.MAX_NAME);
        }
        return new ProxyState(name, listen, upstream, protocol.equals("udp"), metrics, loop);
    }

    private static String listenOf(ProxyState p) {
        return p.json().get("listen").getAsString();
    }

    private static String upstreamOf(ProxyState p) {
        return p.json().get("upstream").getAsString();
    }
}
