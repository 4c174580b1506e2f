package dev.daytimeharness.faults;

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
 * @param proxyHost where the proxies it makes are reached from here
 * @param owned the embedded server this endpoint started and closes, if any
 */
public record ToxiproxyEndpoint(String url, String proxyHost, ToxiproxyServer owned) implements AutoCloseable {

    /** Starts the embedded Toxiproxy-compatible server on loopback. */
    public static ToxiproxyEndpoint embedded() {
        try {
            ToxiproxyServer server = ToxiproxyServer.startOnLoopback();
            return new ToxiproxyEndpoint(server.url(), "127.0.0.1", server);
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
        return new ToxiproxyEndpoint(url, uri.getHost(), null);
    }

    /** The embedded one when {@code url} is empty, else the one at {@code url}. */
    public static ToxiproxyEndpoint of(String url) {
        return url == null || url.isBlank() || url.equals("embedded") ? embedded() : at(url);
    }

    public ToxiproxyClient client() {
        URI uri = URI.create(url);
        return new ToxiproxyClient(uri.getHost(), uri.getPort());
    }

    /** What a new proxy listens on: loopback for a Toxiproxy on this machine, every interface otherwise. */
    String listenHost() {
        return new Endpoint(proxyHost, 1).isLoopback() ? "127.0.0.1" : "0.0.0.0";
    }

    Endpoint proxyEndpoint(int port) {
        return new Endpoint(proxyHost, port);
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
