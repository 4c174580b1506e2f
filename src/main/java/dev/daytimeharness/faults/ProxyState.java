package dev.daytimeharness.faults;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.api.ApiError;
import dev.daytimeharness.faults.link.DatagramRelay;
import dev.daytimeharness.faults.link.LinkLoop;
import dev.daytimeharness.faults.link.ProxyListener;
import dev.daytimeharness.faults.link.Relay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One proxy: where it listens, where it forwards, whether it runs, and its toxics. Only
 * {@link Proxies} changes it, one change at a time; once removed it never listens again.
 */
final class ProxyState {
    private static final String STRUCT = "Proxy";

    private final String name;
    private final Metrics metrics;
    private final LinkLoop loop;
    private String listen;
    private String upstream;
    private final boolean udp;
    private Relay listener;
    private boolean removed;
    private final List<ToxicSpec> toxics = new CopyOnWriteArrayList<>();

    /** @param udp whether it relays datagrams ({@code "protocol":"udp"}, an extension of the API) */
    ProxyState(String name, String listen, String upstream, boolean udp, Metrics metrics, LinkLoop loop) {
        this.name = name;
        this.udp = udp;
        this.loop = loop;
        this.listen = listen;
        this.upstream = upstream;
        this.metrics = metrics;
        address(upstream);
        address(listen);
    }

    String name() {
        return name;
    }

    /**
     * As Toxiproxy marshals its Proxy struct, down to the {@code "Logger":{}} its exported,
     * untagged logger field adds. A UDP proxy also says {@code "protocol":"udp"}; a TCP proxy
     * says nothing of it, so its JSON stays byte for byte 2.12.0's, and a client can tell a
     * Toxiproxy that made a UDP proxy from one that silently made a TCP one.
     */
    JsonObject json() {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("listen", listen);
        json.addProperty("upstream", upstream);
        if (udp) {
            json.addProperty("protocol", "udp");
        }
        json.addProperty("enabled", listener != null);
        json.add("Logger", new JsonObject());
        json.add("toxics", toxicsJson());
        return json;
    }

    /** Upstream toxics first, then downstream, each in the order added: Toxiproxy's chain order. */
    JsonArray toxicsJson() {
        JsonArray array = new JsonArray();
        toxics.stream().filter(t -> !t.downstream()).forEach(t -> array.add(t.json()));
        toxics.stream().filter(ToxicSpec::downstream).forEach(t -> array.add(t.json()));
        return array;
    }

    boolean enabled() {
        return listener != null;
    }

    /** Whether {@code body}'s listen or upstream differ from this proxy's, as Toxiproxy's Differs. */
    boolean differs(String newListen, String newUpstream) {
        return !newListen.equals(listen) || !newUpstream.equals(upstream);
    }

    boolean udp() {
        return udp;
    }

    /** Applies {@code enabled}, {@code listen} and {@code upstream}; a new address restarts the proxy. */
    void update(JsonObject body) {
        boolean enabled = Fields.bool(body, STRUCT, "enabled", listener != null);
        String newListen = Fields.string(body, STRUCT, "listen", listen);
        String newUpstream = Fields.string(body, STRUCT, "upstream", upstream);
        address(newListen);
        address(newUpstream);
        if (differs(newListen, newUpstream) || !enabled) {
            disable();
        }
        listen = newListen;
        upstream = newUpstream;
        if (enabled) {
            enable();
        }
    }

    void enable() {
        if (listener != null || removed) {
            return;
        }
        try {
            listener = udp
                    ? DatagramRelay.start(name, address(listen), endpoint(upstream), () -> toxics, metrics, upstream,
                            DatagramRelay.Limits.DEFAULT)
                    : ProxyListener.start(name, address(listen), endpoint(upstream), () -> toxics, metrics, upstream,
                            loop);
            // Port 0 is resolved once: the proxy keeps its port across disable and enable.
            listen = listener.listen();
        } catch (IOException e) {
            String why = "bind: " + String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            throw udp ? ApiError.LISTEN_UDP_FAILED.with(listen, why) : ApiError.LISTEN_FAILED.with(listen, why);
        }
    }

    void disable() {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    /** Stops it for good: a late request that still holds it cannot start it again. */
    void remove() {
        removed = true;
        disable();
    }

    ToxicSpec addToxic(JsonObject body) {
        ToxicSpec spec = ToxicSpec.create(body, n -> find(n) != null, udp);
        toxics.add(spec);
        changed();
        return spec;
    }

    ToxicSpec toxic(String toxicName) {
        ToxicSpec t = find(toxicName);
        if (t == null) {
            throw ApiError.TOXIC_NOT_FOUND.with();
        }
        return t;
    }

    /** Changes a toxic's toxicity or attributes; its type, stream and name stay. */
    ToxicSpec updateToxic(String toxicName, JsonObject body) {
        ToxicSpec old = toxic(toxicName);
        ToxicSpec updated = old.update(body);
        toxics.set(toxics.indexOf(old), updated);
        changed();
        return updated;
    }

    void removeToxic(String toxicName) {
        toxics.remove(toxic(toxicName));
        changed();
    }

    void removeAllToxics() {
        toxics.clear();
        changed();
    }

    /** Open connections take up the new toxics, as Toxiproxy's links do on every change. */
    private void changed() {
        if (listener != null) {
            listener.toxicsChanged();
        }
    }

    private ToxicSpec find(String toxicName) {
        return toxics.stream().filter(t -> t.name().equals(toxicName)).findFirst().orElse(null);
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
