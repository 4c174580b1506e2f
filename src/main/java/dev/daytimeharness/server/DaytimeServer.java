package dev.daytimeharness.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;

/**
 * The reference RFC 867 server over TCP: on accept, the time and CR LF, then close. One thread,
 * on the leanest {@link ServerEngine} the machine has unless one is chosen.
 */
public final class DaytimeServer implements AutoCloseable {
    private static final int BACKLOG = 4096;
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(2);

    private final ServerOptions options;
    private final ServerEngine engine;
    private final PrintStream log;
    private ServerSocketChannel listener;
    private AcceptLoop loop;
    private Thread thread;
    private EpollAcceptLoop epoll;

    public DaytimeServer(ServerOptions options, PrintStream log) {
        this(options, ServerEngine.best(), log);
    }

    /** @throws IllegalArgumentException when {@code engine} cannot run on this machine */
    public DaytimeServer(ServerOptions options, ServerEngine engine, PrintStream log) {
        if (!engine.available()) {
            throw new IllegalArgumentException(engine.unavailableReason());
        }
        this.options = options;
        this.engine = engine;
        this.log = log;
    }

    public ServerEngine engine() {
        return engine;
    }

    /**
     * Binds and starts serving.
     *
     * @return the bound port (the chosen one, when the options asked for port 0)
     * @throws UncheckedIOException with a one-line message when the port cannot be bound
     */
    public int start() {
        InetSocketAddress address = new InetSocketAddress(options.bind(), options.port());
        if (engine == ServerEngine.EPOLL) {
            return startEpoll(address);
        }
        try {
            listener = ServerSocketChannel.open();
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(address, BACKLOG);
            listener.configureBlocking(false);
            loop = new AcceptLoop(Selector.open(), listener, options, log);
        } catch (IOException e) {
            closeQuietly();
            throw new UncheckedIOException(BindFailure.describe(e, address.getAddress().getHostAddress() + ":" + options.port(),
                    options.port()), e);
        }
        thread = new Thread(loop, "daytime-tcp-" + port());
        thread.setDaemon(true);
        thread.start();
        return port();
    }

    private int startEpoll(InetSocketAddress address) {
        try {
            epoll = EpollAcceptLoop.bind(address, BACKLOG, options, log);
        } catch (IOException e) {
            throw new UncheckedIOException(BindFailure.describe(e, address.getAddress().getHostAddress() + ":" + options.port(),
                    options.port()), e);
        }
        epoll.start("daytime-tcp-" + epoll.port());
        return epoll.port();
    }

    public int port() {
        return epoll != null ? epoll.port() : listener.socket().getLocalPort();
    }

    @Override
    public void close() {
        if (epoll != null) {
            epoll.stop(STOP_DEADLINE);
            return;
        }
        if (loop != null) {
            loop.stop();
            try {
                thread.join(STOP_DEADLINE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (listener != null) {
                listener.close();
            }
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
