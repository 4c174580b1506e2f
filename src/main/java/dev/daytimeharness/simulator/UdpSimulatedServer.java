package dev.daytimeharness.simulator;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.protocol.ReplyFormats;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A daytime server over UDP that answers every datagram, or none: enough to see whether a UDP
 * client prints an answer and gives up on silence.
 */
public final class UdpSimulatedServer implements AutoCloseable {
    private final DatagramChannel channel;
    private final boolean answers;
    private final Thread thread;
    private volatile byte[] lastSent = new byte[0];
    private volatile boolean asked;

    private UdpSimulatedServer(DatagramChannel channel, boolean answers) {
        this.channel = channel;
        this.answers = answers;
        this.thread = new Thread(this::serve, "simulate-udp");
        thread.setDaemon(true);
    }

    /** @param answers false for a server that reads datagrams and never replies */
    public static UdpSimulatedServer start(boolean answers, InetSocketAddress bind) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        channel.bind(bind);
        UdpSimulatedServer server = new UdpSimulatedServer(channel, answers);
        server.thread.start();
        return server;
    }

    public Endpoint endpoint() throws IOException {
        InetSocketAddress a = (InetSocketAddress) channel.getLocalAddress();
        return new Endpoint(a.getAddress().getHostAddress(), a.getPort());
    }

    /** The last datagram sent, or nothing. */
    public byte[] lastSent() {
        return lastSent;
    }

    /** Whether any datagram has come in, answered or not. */
    public boolean asked() {
        return asked;
    }

    private void serve() {
        ByteBuffer request = ByteBuffer.allocate(512);
        while (channel.isOpen()) {
            try {
                request.clear();
                SocketAddress from = channel.receive(request);
                asked = true;
                if (answers) {
                    byte[] reply = (ReplyFormats.XINETD.render(Instant.now(), ZoneOffset.UTC) + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    lastSent = reply;
                    channel.send(ByteBuffer.wrap(reply), from);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // One client's trouble is no reason to stop answering the next.
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
            thread.join(2000);
        } catch (IOException | InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
