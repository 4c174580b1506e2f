package dev.daytimeharness.faults;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.api.ToxiproxyServer;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * A Toxiproxy the harness drives: the embedded one (the default), a user's own
 * ({@code --toxiproxy http://HOST:8474} or {@code TOXIPROXY_URL}), or one in a container.
 *
 * @param url the API's base URL
 * @param plan where new proxies listen, and where the harness then reaches them
 * @param owned what this endpoint started and closes (an embedded server, a container), if anything
 */
public record ToxiproxyEndpoint(String url, ListenPlan plan, AutoCloseable owned) implements AutoCloseable {
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(3);


    /** Where a new proxy listens, as the Toxiproxy sees it, and how the harness reaches that. */
    public interface ListenPlan {
        /** The {@code listen} address for the next proxy. */
        String nextListen();

        /** Where the harness connects to a proxy that reports it listens on {@code listen}. */
        Endpoint reach(String listen);

        /**
         * Whether a port proxy stands between the harness and the proxies (Docker's, for a
         * container): it ends the client's connection with a plain close where the Toxiproxy reset
         * or refused it, so a client cannot see those faults as such.
         */
        default boolean hidesResets() {
            return false;
        }
    }

    /** Starts the embedded Toxiproxy-compatible server on loopback. */
    public static ToxiproxyEndpoint embedded() {
        try {
            ToxiproxyServer server = ToxiproxyServer.startOnLoopback();
            return new ToxiproxyEndpoint(server.url(), sameHost("127.0.0.1"), server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Toxiproxy: " + e.getMessage(), e);
        }
    }

    /** A Toxiproxy at {@code url}, such as {@code http://127.0.0.1:8474}. */
    public static ToxiproxyEndpoint at(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL (write http://HOST:8474)");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("'" + url + "' is not a Toxiproxy URL (write http://HOST:8474)");
        }
        return new ToxiproxyEndpoint(url, sameHost(uri.getHost()), null);
    }

    /** The embedded one when {@code url} is empty, else the one at {@code url}. */
    public static ToxiproxyEndpoint of(String url) {
        return url == null || url.isBlank() || url.equals("embedded") ? embedded() : at(url);
    }

    /** Proxies listen on the Toxiproxy's own host (loopback when it is this machine) on any free port. */
    static ListenPlan sameHost(String host) {
        boolean local = new Endpoint(host, 1).isLoopback();
        return new ListenPlan() {
            @Override
            public String nextListen() {
                return (local ? "127.0.0.1" : "0.0.0.0") + ":0";
            }

            @Override
            public Endpoint reach(String listen) {
                return new Endpoint(host, Endpoint.parse(listen, 0).port());
            }
        };
    }

    /**
     * Empty when a Toxiproxy answers at {@link #url()}: {@code GET /proxies} gives a JSON object
     * within a few seconds. Otherwise why not, in a few words, so that a wrong URL is one setup
     * error rather than every fault scenario failing as if the target were at fault.
     */
    public Optional<String> problem() {
        String host = URI.create(url).getHost();
        try {
            java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            return Optional.of("cannot resolve host " + host);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_DEADLINE).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/proxies")).timeout(PROBE_DEADLINE).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().strip().startsWith("{")) {
                return Optional.empty();
            }
            return Optional.of("it answered GET /proxies with HTTP " + response.statusCode()
                    + " and no JSON object: not a Toxiproxy API");
        } catch (HttpTimeoutException e) {
            return Optional.of("no answer within " + PROBE_DEADLINE.toSeconds() + " s");
        } catch (ConnectException e) {
            return Optional.of("nothing listens there (connection refused)");
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    public ToxiproxyClient client() {
        URI uri = URI.create(url);
        return new ToxiproxyClient(uri.getHost(), uri.getPort());
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception ignored) {
                // Stopping a Toxiproxy at the end of a run: nothing more to do if it fails.
            }
        }
    }
}
