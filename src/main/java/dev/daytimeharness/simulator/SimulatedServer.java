package dev.daytimeharness.simulator;

import dev.daytimeharness.client.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A misbehaving daytime server on a real socket. A thread per connection keeps each behaviour a
 * plain sequence of steps; the cap on connections keeps that bounded.
 */
public final class SimulatedServer implements AutoCloseable {
    private static final int MAX_CONNECTIONS = 256;

    private final Behaviour behaviour;
    private final ServerSocket listener;
    private final ExecutorService workers;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile Stage latest;
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    private SimulatedServer(Behaviour behaviour, ServerSocket listener) {
        this.behaviour = behaviour;
        this.listener = listener;
        // One worker for a serialising behaviour, so clients really queue behind each other.
        this.workers = behaviour.serialised() ? Executors.newSingleThreadExecutor(daemon())
                : Executors.newCachedThreadPool(daemon());
        this.acceptor = new Thread(this::acceptLoop, "simulate-" + behaviour.name());
        acceptor.setDaemon(true);
    }

    public static SimulatedServer start(Behaviour behaviour, InetSocketAddress bind) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(bind, 512);
        SimulatedServer server = new SimulatedServer(behaviour, listener);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public Endpoint endpoint() {
        return new Endpoint(listener.getInetAddress().getHostAddress(), port());
    }

    /** What the latest connection has been sent so far (its first 8 KiB). */
    public byte[] lastSent() {
        Stage stage = latest;
        return stage == null ? new byte[0] : stage.sent();
    }

    /**
     * How many connections have been accepted. Counted at accept, before a worker runs, so a client
     * that connected and left at once still counts as having connected.
     */
    public int connections() {
        return connections.get();
    }

    /**
     * Whether a client has connected, waiting up to {@code grace} for the first: a client's connect
     * completes in the kernel before the accept here counts it, so one that connected and left at
     * once may not be counted yet.
     */
    public boolean connectedWithin(java.time.Duration grace) {
        long until = System.nanoTime() + grace.toNanos();
        while (connections.get() == 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return connections.get() > 0;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            if (!slots.tryAcquire()) {
                closeQuietly(s);
                continue;
            }
            open.add(s);
            workers.execute(() -> serve(s));
        }
    }

    private void serve(Socket s) {
        Stage stage = new Stage(s, Instant::now);
        latest = stage;
        try {
            behaviour.play(stage);
            if (!s.isClosed()) {
                finish(s);
            }
        } catch (IOException e) {
            // The client left, or the simulator is stopping: either way this connection is done.
        } finally {
            closeQuietly(s);
            open.remove(s);
            slots.release();
        }
    }

    /** Closes like a careful server: FIN first, then a short drain so unread input causes no reset. */
    private static void finish(Socket s) throws IOException {
        s.shutdownOutput();
        s.setSoTimeout(1000);
        InputStream in = s.getInputStream();
        byte[] sink = new byte[4096];
        try {
            for (int i = 0; i < 1024 && in.read(sink) >= 0; i++) {
                // Thrown away, as RFC 867 says.
            }
        } catch (SocketException | java.net.SocketTimeoutException e) {
            // Gone or quiet: close anyway.
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(SimulatedServer::closeQuietly);
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do.
        }
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return r -> {
            Thread t = new Thread(r, "simulate-conn");
            t.setDaemon(true);
            return t;
        };
    }
}
