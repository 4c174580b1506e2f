package dev.daytimeharness.faults;

import dev.daytimeharness.client.Endpoint;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/** One Toxiproxy proxy in front of a server under test, made and removed through toxiproxy-java. */
public final class FaultProxy implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Proxy proxy;
    private final Endpoint listen;

    private FaultProxy(Proxy proxy, Endpoint listen) {
        this.proxy = proxy;
        this.listen = listen;
    }

    /**
     * Creates a proxy to {@code upstream} on the Toxiproxy at {@code toxiproxy}. The proxy listens
     * on the Toxiproxy's own host, so the harness reaches it where it reaches the API.
     *
     * @param upstreamForToxiproxy the server as the Toxiproxy sees it (a container network alias, say)
     */
    public static FaultProxy open(ToxiproxyEndpoint toxiproxy, String upstreamForToxiproxy) {
        String name = "daytime-harness-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
        try {
            ToxiproxyClient client = toxiproxy.client();
            Proxy proxy = client.createProxy(name, toxiproxy.plan().nextListen(), upstreamForToxiproxy);
            return new FaultProxy(proxy, toxiproxy.plan().reach(proxy.getListen()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a proxy on the Toxiproxy at " + toxiproxy.url() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Where a client connects to go through the proxy. */
    public Endpoint endpoint() {
        return listen;
    }

    public void add(Fault fault, boolean downstream) {
        ToxicDirection direction = downstream ? ToxicDirection.DOWNSTREAM : ToxicDirection.UPSTREAM;
        try {
            fault.addTo(proxy.toxics(), fault.getClass().getSimpleName().toLowerCase() + "_" + direction.name().toLowerCase(),
                    direction);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add " + fault + " to proxy " + proxy.getName() + ": " + e.getMessage(), e);
        }
    }

    public void disable() {
        try {
            proxy.disable();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot disable proxy " + proxy.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            proxy.delete();
        } catch (IOException ignored) {
            // Already gone with its Toxiproxy.
        }
    }
}
