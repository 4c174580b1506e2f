package dev.daytimeharness.faults.api;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh embedded Toxiproxy API server on loopback for each test, closed after it: register it
 * with {@code @RegisterExtension} and call it as the server.
 */
final class LoopbackToxiproxy implements BeforeEachCallback, AfterEachCallback {
    private ToxiproxyServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = ToxiproxyServer.startOnLoopback();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    int port() {
        return server.port();
    }

    String url() {
        return server.url();
    }
}
