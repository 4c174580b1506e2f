package dev.daytimeharness.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile TCP server for tests, on loopback: it writes the same bytes to every connection, then
 * closes. One connection at a time, each bounded by a write deadline of the client's own reading.
 */
final class ScriptedServer implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 1000;
    private final ServerSocket listener;
    private final byte[] reply;
    private final Thread thread;
    private final AtomicInteger served = new AtomicInteger();

    private ScriptedServer(ServerSocket listener, byte[] reply) {
        this.listener = listener;
        this.reply = reply;
        this.thread = new Thread(this::serve, "scripted-server");
        thread.setDaemon(true);
    }

    static ScriptedServer replying(byte[] reply) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress("127.0.0.1", 0), 64);
        ScriptedServer s = new ScriptedServer(listener, reply);
        s.thread.start();
        return s;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void serve() {
        while (!listener.isClosed() && served.get() < MAX_CONNECTIONS) {
            try (Socket s = listener.accept()) {
                served.incrementAndGet();
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write(reply);
                out.flush();
            } catch (IOException e) {
                // The client left before the whole reply (it stops at its read cap): next one.
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
