package dev.daytimeharness.faults;

import dev.daytimeharness.client.Endpoint;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** One Toxiproxy proxy in front of a server under test, made and removed through toxiproxy-java. */
public final class FaultProxy implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Held to read to add a toxic, to write to swap the default locale for it (see addUnderRootLocale). */
    private static final ReentrantReadWriteLock LOCALE = new ReentrantReadWriteLock();

    /** The deadline for one update sent by the harness itself. */
    private static final Duration UPDATE_DEADLINE = Duration.ofSeconds(5);

    private final Proxy proxy;
    private final Endpoint listen;
    private final String apiUrl;

    private FaultProxy(Proxy proxy, Endpoint listen, String apiUrl) {
        this.proxy = proxy;
        this.listen = listen;
        this.apiUrl = apiUrl;
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
            return new FaultProxy(proxy, toxiproxy.plan().reach(proxy.getListen()), toxiproxy.url());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a proxy on the Toxiproxy at " + toxiproxy.url() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The proxy's name on the Toxiproxy. */
    String name() {
        return proxy.getName();
    }

    /** Where a client connects to go through the proxy. */
    public Endpoint endpoint() {
        return listen;
    }

    public void add(Fault fault, boolean downstream) {
        ToxicDirection direction = downstream ? ToxicDirection.DOWNSTREAM : ToxicDirection.UPSTREAM;
        try {
            addUnderRootLocale(fault, direction);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add " + fault + " to proxy " + proxy.getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * toxiproxy-java 2.1.11 writes a toxic's type with {@code name().toLowerCase()} in the machine's
     * locale, so a Turkish machine asks for "tımeout" and "lımıt_data" and any Toxiproxy refuses them.
     * Until the library passes a locale, such a machine's request is built under {@link Locale#ROOT},
     * one at a time (two swaps would restore each other's locale). A machine whose locale lowercases
     * the type names as {@link Locale#ROOT} does needs no swap, and its additions (one per
     * concurrent fault scenario) go side by side: the read lock only keeps a swap from starting
     * under them.
     */
    private void addUnderRootLocale(Fault fault, ToxicDirection direction) throws IOException {
        LOCALE.readLock().lock();
        try {
            if (lowercasesLikeRoot(Locale.getDefault())) {
                fault.addTo(proxy.toxics(), toxicName(fault, direction), direction);
                return;
            }
        } finally {
            LOCALE.readLock().unlock();
        }
        LOCALE.writeLock().lock();
        try {
            Locale before = Locale.getDefault();
            Locale.setDefault(Locale.ROOT);
            try {
                fault.addTo(proxy.toxics(), toxicName(fault, direction), direction);
            } finally {
                Locale.setDefault(before);
            }
        } finally {
            LOCALE.writeLock().unlock();
        }
    }

    /** Whether {@code locale} lowercases every toxic type's name as {@link Locale#ROOT} does. */
    static boolean lowercasesLikeRoot(Locale locale) {
        for (ToxicType type : ToxicType.values()) {
            if (!type.name().toLowerCase(locale).equals(type.name().toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Toxiproxy's own default name, {@code <type>_<stream>}: {@code limit_data_downstream}. */
    static String toxicName(Fault fault, ToxicDirection direction) {
        String type = fault.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return type + "_" + direction.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Disables the proxy with a PATCH: toxiproxy-java sends its updates as POST, which Toxiproxy
     * 2.12 still takes but logs as deprecated.
     */
    public void disable() {
        String name = URLEncoder.encode(proxy.getName(), StandardCharsets.UTF_8).replace("+", "%20");
        HttpRequest patch = HttpRequest.newBuilder(URI.create(apiUrl + "/proxies/" + name)).timeout(UPDATE_DEADLINE)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")).build();
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(UPDATE_DEADLINE).build()
                    .send(patch, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new UncheckedIOException(new IOException("cannot disable proxy " + proxy.getName() + ": HTTP "
                        + r.statusCode() + " " + r.body().strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot disable proxy " + proxy.getName() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while disabling proxy " + proxy.getName()));
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
