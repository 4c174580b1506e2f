package dev.daytimeharness.conformance;

import dev.daytimeharness.client.Endpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A client that misbehaves towards the server under test, held open while a well-behaved client
 * checks that the server still serves. Each kind is what real networks and scanners do.
 */
public sealed interface RudeClient extends AutoCloseable {

    /** Connects and at once resets the connection (SO_LINGER 0), as port scanners do. */
    record Resets(Socket socket) implements RudeClient {
        @Override
        public void close() {
            quietly(socket);
        }
    }

    /** Connects and never reads, leaving the server's reply unread in the socket buffers. */
    record NeverReads(Socket socket) implements RudeClient {
        @Override
        public void close() {
            quietly(socket);
        }
    }

    /** Connects and sends data, never reading, until its budget or the server's buffers run out. */
    record Floods(Socket socket, long bytesSent) implements RudeClient {
        @Override
        public void close() {
            quietly(socket);
        }
    }

    @Override
    void close();

    static RudeClient resets(Endpoint target, Duration deadline) throws IOException {
        Socket s = connect(target, deadline);
        s.setSoLinger(true, 0);
        s.close();
        return new Resets(s);
    }

    static RudeClient neverReads(Endpoint target, Duration deadline) throws IOException {
        return new NeverReads(connect(target, deadline));
    }

    /**
     * Sends up to {@code budget} bytes. A server that discards input takes them all; one that stops
     * reading fills the buffers, and then the writer stops at the deadline instead of blocking.
     */
    static RudeClient floods(Endpoint target, long budget, Duration deadline) throws IOException {
        Socket s = connect(target, deadline);
        long sent = 0;
        long end = System.nanoTime() + deadline.toNanos();
        byte[] chunk = new byte[16 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try (var watchdog = new Watchdog(s, end)) {
            OutputStream out = s.getOutputStream();
            while (sent < budget && System.nanoTime() < end) {
                out.write(chunk);
                sent += chunk.length;
            }
        } catch (IOException e) {
            // The server reset or the watchdog closed a blocked write: both end the flood.
        }
        return new Floods(s, sent);
    }

    private static Socket connect(Endpoint target, Duration deadline) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(target.host(), target.port()), (int) Math.max(1, deadline.toMillis()));
        return s;
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing a socket the server already dropped is not a finding.
        }
    }

    /** Closes the socket if a blocking write is still stuck at the deadline. */
    final class Watchdog implements AutoCloseable {
        private final Thread thread;

        Watchdog(Socket socket, long endNanos) {
            thread = new Thread(() -> {
                try {
                    Thread.sleep(Math.max(1, (endNanos - System.nanoTime()) / 1_000_000));
                    quietly(socket);
                } catch (InterruptedException done) {
                    // The write finished in time.
                }
            }, "flood-watchdog");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
