package dev.daytimeharness.server;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;

/**
 * The reference RFC 867 server over UDP: "When a datagram is received, an answering datagram is
 * sent containing the current date and time". Even an empty datagram gets an answer.
 */
public final class UdpDaytimeServer implements AutoCloseable {
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(2);

    private final ServerOptions options;
    private final PrintStream log;
    private DatagramChannel channel;
    private Thread thread;

    public UdpDaytimeServer(ServerOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public int start() {
        InetSocketAddress address = new InetSocketAddress(options.bind(), options.port());
        try {
            channel = DatagramChannel.open();
            channel.bind(address);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(BindFailure.describe(e,
                    address.getAddress().getHostAddress() + ":" + options.port() + "/udp", options.port()), e);
        }
        thread = new Thread(this::serve, "daytime-udp-" + port());
        thread.setDaemon(true);
        thread.start();
        return port();
    }

    public int port() {
        return channel.socket().getLocalPort();
    }

    private void serve() {
        ReplyClock clock = new ReplyClock(options.format(), options.zone());
        // The request's content is ignored; a small buffer is enough to receive (and truncate) it.
        ByteBuffer request = ByteBuffer.allocate(512);
        while (channel.isOpen()) {
            try {
                request.clear();
                SocketAddress from = channel.receive(request);
                channel.send(ByteBuffer.wrap(clock.now()), from);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // One client's unreachable port must not stop the service for everyone else.
                log.println("daytime-harness serve: udp: " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // Already closed.
        }
        if (thread != null) {
            try {
                thread.join(STOP_DEADLINE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
