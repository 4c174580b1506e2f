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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A daytime server over UDP that answers every datagram with one datagram, with none, or with
 * many (an amplifier), and that may miss the first datagram: enough to see whether a UDP client
 * prints an answer, gives up on silence, asks again, and counts a reply once per request.
 */
public final class UdpSimulatedServer implements AutoCloseable {
    private final DatagramChannel channel;
    private final int repliesPerRequest;
    private final boolean losesFirst;
    private final Instant frozen;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread thread;
    private volatile byte[] lastSent = new byte[0];
    private volatile boolean asked;

    private UdpSimulatedServer(DatagramChannel channel, int repliesPerRequest, boolean losesFirst, Instant frozen) {
        this.channel = channel;
        this.repliesPerRequest = repliesPerRequest;
        this.losesFirst = losesFirst;
        this.frozen = frozen;
        this.thread = new Thread(this::serve, "simulate-udp");
        thread.setDaemon(true);
    }

    /** @param answers false for a server that reads datagrams and never replies */
    public static UdpSimulatedServer start(boolean answers, InetSocketAddress bind) throws IOException {
        return start(answers ? 1 : 0, bind);
    }

    /** @param repliesPerRequest datagrams sent back for each one received: 0 silent, 1 as RFC 867 says */
    public static UdpSimulatedServer start(int repliesPerRequest, InetSocketAddress bind) throws IOException {
        return start(repliesPerRequest, false, null, bind);
    }

    /**
     * A server for one client scenario.
     *
     * @param losesFirst true for a server that never sees the first datagram, as if the network lost it
     * @param frozen the time every answer tells, or null for the clock's: frozen, the answers to a
     *               client's several tries are alike, so whichever it prints is what was served
     */
    public static UdpSimulatedServer start(int repliesPerRequest, boolean losesFirst, Instant frozen,
                                           InetSocketAddress bind) throws IOException {
        if (repliesPerRequest < 0 || repliesPerRequest > Amplifies.MAX_DATAGRAMS) {
            throw new IllegalArgumentException("replies per request must be 0 to " + Amplifies.MAX_DATAGRAMS);
        }
        DatagramChannel channel = DatagramChannel.open(bind.getAddress() instanceof java.net.Inet6Address
                ? java.net.StandardProtocolFamily.INET6 : java.net.StandardProtocolFamily.INET);
        channel.bind(bind);
        UdpSimulatedServer server = new UdpSimulatedServer(channel, repliesPerRequest, losesFirst, frozen);
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

    /** How many datagrams have come in, answered or not. */
    public int requests() {
        return requests.get();
    }

    private void serve() {
        ByteBuffer request = ByteBuffer.allocate(512);
        while (channel.isOpen()) {
            try {
                request.clear();
                SocketAddress from = channel.receive(request);
                boolean lost = requests.incrementAndGet() == 1 && losesFirst;
                asked = true;
                for (int i = 0; i < (lost ? 0 : repliesPerRequest); i++) {
                    Instant time = frozen != null ? frozen : Instant.now();
                    byte[] reply = (ReplyFormats.XINETD.render(time, ZoneOffset.UTC) + "\r\n")
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
