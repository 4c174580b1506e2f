package dev.daytimeharness.faults.link;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A UDP server for tests that answers each datagram with the same bytes, and counts who asked. */
public final class UdpEcho implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;
    private final Set<SocketAddress> senders = ConcurrentHashMap.newKeySet();
    private volatile int received;

    public UdpEcho() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "udp-echo");
        thread.setDaemon(true);
        thread.start();
    }

    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** The distinct source addresses it heard from: one per client socket of the proxy. */
    public Set<SocketAddress> senders() {
        return senders;
    }

    public int received() {
        return received;
    }

    private void serve() {
        byte[] buf = new byte[65_535];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                socket.receive(p);
                received++;
                senders.add(p.getSocketAddress());
                socket.send(new DatagramPacket(Arrays.copyOf(p.getData(), p.getLength()), p.getLength(), p.getSocketAddress()));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Sends {@code data} from {@code client} and collects what comes back until {@code quiet} passes without any. */
    public static List<byte[]> exchange(DatagramSocket client, int port, byte[] data, Duration quiet) throws IOException {
        client.send(new DatagramPacket(data, data.length, InetAddress.getLoopbackAddress(), port));
        return collect(client, quiet, 100);
    }

    /** Up to {@code max} datagrams, until {@code quiet} passes without one. */
    public static List<byte[]> collect(DatagramSocket client, Duration quiet, int max) throws IOException {
        List<byte[]> got = new ArrayList<>();
        client.setSoTimeout((int) quiet.toMillis());
        byte[] buf = new byte[65_535];
        while (got.size() < max) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                client.receive(p);
            } catch (SocketTimeoutException e) {
                return got;
            }
            got.add(Arrays.copyOf(p.getData(), p.getLength()));
        }
        return got;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
