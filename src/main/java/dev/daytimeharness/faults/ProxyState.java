package dev.daytimeharness.faults;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.api.ApiError;
import dev.daytimeharness.faults.link.ProxyListener;
import dev.daytimeharness.faults.toxics.Toxic;
import dev.daytimeharness.faults.toxics.ToxicTypes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One proxy: where it listens, where it forwards, whether it runs, and its toxics. */
public final class ProxyState {
    private final String name;
    private String listen;
    private String upstream;
    private ProxyListener listener;
    private final List<ToxicSpec> toxics = new CopyOnWriteArrayList<>();

    ProxyState(String name, String listen, String upstream) {
        this.name = name;
        this.listen = listen;
        this.upstream = upstream;
        address(upstream);
        address(listen);
    }

    public synchronized JsonObject json() {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("listen", listener != null ? listener.listen() : listen);
        json.addProperty("upstream", upstream);
        json.addProperty("enabled", listener != null);
        json.add("toxics", toxicsJson());
        return json;
    }

    public synchronized JsonArray toxicsJson() {
        JsonArray array = new JsonArray();
        toxics.forEach(t -> array.add(t.json()));
        return array;
    }

    /** Applies {@code enabled}, {@code listen} and {@code upstream}; a new address restarts the proxy. */
    public synchronized ProxyState update(JsonObject body) {
        boolean wasEnabled = listener != null;
        boolean enabled = body.has("enabled") ? body.get("enabled").getAsBoolean() : wasEnabled;
        String newListen = Fields.optional(body, "listen", listen);
        String newUpstream = Fields.optional(body, "upstream", upstream);
        address(newListen);
        address(newUpstream);
        boolean moved = !newListen.equals(listen) || !newUpstream.equals(upstream);
        if (moved || !enabled) {
            disable();
        }
        listen = newListen;
        upstream = newUpstream;
        if (enabled) {
            enable();
        }
        return this;
    }

    synchronized void enable() {
        if (listener != null) {
            return;
        }
        try {
            listener = ProxyListener.start(name, address(listen), endpoint(upstream), () -> toxics);
            // Port 0 is resolved once: the proxy keeps its port across disable and enable.
            listen = listener.listen();
        } catch (IOException e) {
            throw ApiError.LISTEN_FAILED.with(listen, String.valueOf(e.getMessage()).toLowerCase());
        }
    }

    synchronized void disable() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    public ToxicSpec addToxic(JsonObject body) {
        ToxicSpec spec = spec(body, null);
        synchronized (this) {
            if (find(spec.name()) != null) {
                throw ApiError.TOXIC_EXISTS.with();
            }
            toxics.add(spec);
        }
        return spec;
    }

    public synchronized ToxicSpec toxic(String toxicName) {
        ToxicSpec t = find(toxicName);
        if (t == null) {
            throw ApiError.TOXIC_NOT_FOUND.with();
        }
        return t;
    }

    /** Changes a toxic's toxicity or attributes; its type, stream and name stay. */
    public synchronized ToxicSpec updateToxic(String toxicName, JsonObject body) {
        ToxicSpec old = toxic(toxicName);
        JsonObject merged = old.json();
        if (body.has("toxicity")) {
            merged.add("toxicity", body.get("toxicity"));
        }
        if (body.has("attributes")) {
            JsonObject attributes = merged.getAsJsonObject("attributes");
            Fields.object(body.get("attributes")).entrySet().forEach(e -> attributes.add(e.getKey(), e.getValue()));
        }
        ToxicSpec updated = spec(merged, old);
        toxics.set(toxics.indexOf(old), updated);
        return updated;
    }

    public synchronized void removeToxic(String toxicName) {
        toxics.remove(toxic(toxicName));
    }

    synchronized void removeAllToxics() {
        toxics.clear();
    }

    private ToxicSpec find(String toxicName) {
        return toxics.stream().filter(t -> t.name().equals(toxicName)).findFirst().orElse(null);
    }

    private static ToxicSpec spec(JsonObject body, ToxicSpec old) {
        String type = Fields.required(body, "type");
        String stream = Fields.optional(body, "stream", "downstream").toLowerCase();
        if (!stream.equals("downstream") && !stream.equals("upstream")) {
            throw ApiError.INVALID_STREAM.with();
        }
        JsonElement toxicity = body.get("toxicity");
        double chance = toxicity == null || toxicity.isJsonNull() ? 1.0 : toxicity.getAsDouble();
        if (chance < 0 || chance > 1) {
            throw ApiError.INVALID_TOXICITY.with();
        }
        JsonElement attributes = body.get("attributes");
        Toxic toxic;
        try {
            toxic = ToxicTypes.create(type, attributes == null || attributes.isJsonNull() ? new JsonObject()
                    : Fields.object(attributes)).orElseThrow(() -> ApiError.INVALID_TYPE.with(type));
        } catch (IllegalArgumentException e) {
            throw ApiError.INVALID_ATTRIBUTE.with(e.getMessage());
        }
        String name = Fields.optional(body, "name", type + "_" + stream);
        return new ToxicSpec(old == null ? name : old.name(), type, stream, chance, toxic);
    }

    private static InetSocketAddress address(String hostPort) {
        Endpoint e = endpoint(hostPort);
        return new InetSocketAddress(e.host(), e.port());
    }

    private static Endpoint endpoint(String hostPort) {
        try {
            if (!hostPort.contains(":")) {
                throw new IllegalArgumentException("missing port");
            }
            return Endpoint.parse(hostPort, 0);
        } catch (IllegalArgumentException e) {
            throw ApiError.INVALID_ADDRESS.with(hostPort);
        }
    }
}
