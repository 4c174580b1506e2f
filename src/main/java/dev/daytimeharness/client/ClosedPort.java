package dev.daytimeharness.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port with nothing on it, for a check or test that expects a refusal (check-client's
 * "nothing listening" scenario among them).
 */
public final class ClosedPort {
    private ClosedPort() {}

    /**
     * A port free for both TCP and UDP, below the kernel's ephemeral range (32768 and up): a port
     * just released by bind(0) can be handed straight to another test's server, which would then
     * answer where a refusal was expected.
     */
    public static int pick() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket tcp = new ServerSocket(port, 1, loopback);
                 DatagramChannel udp = DatagramChannel.open().bind(new InetSocketAddress(loopback, port))) {
                return port;
            } catch (IOException taken) {
                // Something uses it: try another.
            }
        }
        throw new IllegalStateException("no free loopback port between 20000 and 32000");
    }
}
