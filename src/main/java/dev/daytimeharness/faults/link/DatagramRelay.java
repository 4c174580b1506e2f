package dev.daytimeharness.faults.link;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import dev.daytimeharness.faults.datagrams.Datagram;
import dev.daytimeharness.faults.datagrams.DatagramToxic;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A UDP proxy: datagrams from each client address go out through that client's own upstream
 * socket, and what the upstream answers on it goes back to that client, each through the proxy's
 * toxics. One thread does it all, so no toxic ever holds a thread: a delayed datagram waits in a
 * queue ordered by when it is due. Every client socket, and the queue, is bounded ({@link Limits}).
 */
public final class DatagramRelay implements Relay {
    /** A datagram's largest payload over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;
    /** Datagrams read from one socket before the others get a turn. */
    private static final int READS_PER_TURN = 256;
    private static final long EXPIRY_CHECK_NANOS = 1_000_000_000L;

    private final DatagramChannel listener;
    private final InetSocketAddress upstream;
    private final Supplier<List<ToxicSpec>> toxics;
    private final Limits limits;
    private final Metrics.Counters down;
    private final Metrics.Counters up;
    private final java.util.concurrent.atomic.LongAdder refusedMetric;
    private final java.util.concurrent.atomic.LongAdder overflowedMetric;
    private final Selector selector;
    private final Map<SocketAddress, Client> clients = new HashMap<>();
    private final PriorityQueue<Pending> queue = new PriorityQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private final Thread thread;
    private long refused;
    private long expired;
    private long overflowed;
    /** The counts as the last turn left them; see {@link #counts()}. */
    private volatile Counts counts = new Counts(0, 0, 0, 0, 0);
    private volatile boolean closed;
    private long queuedBytes;
    private long sequence;
    private long nextExpiryCheck = System.nanoTime() + EXPIRY_CHECK_NANOS;

    /**
     * The bounds of one UDP proxy; the README documents the defaults.
     *
     * @param maxClients client addresses with an upstream socket at once; a datagram from a new
     *                   address past that is dropped and counted (refused), until one expires
     * @param idle how long a client's upstream socket lives without a datagram either way
     * @param maxQueued datagrams waiting to leave (delayed, or slowed by bandwidth); past that
     *                  or {@code maxQueuedBytes} a datagram is dropped and counted (overflowed)
     * @param maxQueuedBytes the bytes those datagrams may hold together
     */
    public record Limits(int maxClients, java.time.Duration idle, int maxQueued, long maxQueuedBytes) {
        public static final Limits DEFAULT = new Limits(1024, java.time.Duration.ofSeconds(60), 4096, 16L << 20);
    }

    /** What the relay holds and has dropped so far; read by tests and the README's bounds. */
    public record Counts(int clients, int queued, long refusedClients, long expiredClients, long overflowedDatagrams) {}

    private DatagramRelay(DatagramChannel listener, InetSocketAddress upstream, Supplier<List<ToxicSpec>> toxics,
                          Limits limits, Metrics metrics, String bound, String upstreamText, String name)
            throws IOException {
        this.listener = listener;
        this.upstream = upstream;
        this.toxics = toxics;
        this.limits = limits;
        this.down = metrics.counters("downstream", name, bound, upstreamText);
        this.up = metrics.counters("upstream", name, bound, upstreamText);
        this.refusedMetric = metrics.dropped(name, "client_limit");
        this.overflowedMetric = metrics.dropped(name, "queue_limit");
        this.selector = Selector.open();
        listener.register(selector, SelectionKey.OP_READ);
        this.thread = new Thread(this::loop, "udp-proxy-" + name);
        thread.setDaemon(true);
    }

    /** Binds {@code listen} for UDP and starts relaying; throws with the bind error's message. */
    public static DatagramRelay start(String name, InetSocketAddress listen, Endpoint upstream,
                                      Supplier<List<ToxicSpec>> toxics, Metrics metrics, String upstreamText,
                                      Limits limits) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(listen);
            channel.configureBlocking(false);
            String bound = address(channel);
            DatagramRelay relay = new DatagramRelay(channel, new InetSocketAddress(upstream.host(), upstream.port()),
                    toxics, limits, metrics, bound, upstreamText, name);
            relay.thread.start();
            return relay;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public String listen() {
        try {
            return address(listener);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The counts as they stood at the end of the relay's last turn, all from the same moment, and
     * published after that turn's metrics: a reader who sees a client expired sees it gone from
     * {@code clients}, and sees its drops on {@code /metrics} too. Counts read one by one while the
     * relay thread was mid-turn could disagree (a client counted expired and still held).
     */
    public Counts counts() {
        return counts;
    }

    private void loop() {
        try {
            while (!closed) {
                long wait = waitNanos(System.nanoTime());
                int ready = wait <= 0 ? selector.selectNow() : selector.select(Math.max(1, wait / 1_000_000));
                if (ready > 0) {
                    for (SelectionKey key : selector.selectedKeys()) {
                        if (key.isValid() && key.isReadable()) {
                            read(key);
                        }
                    }
                    selector.selectedKeys().clear();
                }
                long now = System.nanoTime();
                sendDue(now);
                expireIdle(now);
                counts = new Counts(clients.size(), queue.size(), refused, expired, overflowed);
            }
        } catch (IOException | RuntimeException e) {
            // The selector or the listener failed: the proxy can no longer relay anything.
        } finally {
            shutDown();
        }
    }

    /** Until the next datagram is due, or the next look for idle clients. */
    private long waitNanos(long now) {
        long until = nextExpiryCheck - now;
        Pending first = queue.peek();
        return first == null ? until : Math.min(until, first.due - now);
    }

    private void read(SelectionKey key) throws IOException {
        if (key.channel() == listener) {
            for (int i = 0; i < READS_PER_TURN; i++) {
                buffer.clear();
                SocketAddress from = listener.receive(buffer);
                if (from == null) {
                    return;
                }
                byte[] data = received();
                up.received().add(data.length);
                Client c = client(from);
                if (c != null) {
                    relay(c, data, false);
                }
            }
            return;
        }
        Client c = (Client) key.attachment();
        for (int i = 0; i < READS_PER_TURN; i++) {
            buffer.clear();
            SocketAddress from;
            try {
                from = c.upstream.receive(buffer);
            } catch (IOException e) {
                // An ICMP port unreachable from the upstream, on Linux: nothing to relay.
                return;
            }
            if (from == null) {
                return;
            }
            if (!from.equals(upstream)) {
                // The socket is not connected (see client()), so a stranger could reach it: ignored.
                continue;
            }
            byte[] data = received();
            down.received().add(data.length);
            relay(c, data, true);
        }
    }

    private byte[] received() {
        buffer.flip();
        byte[] data = new byte[buffer.remaining()];
        buffer.get(data);
        return data;
    }

    /** The client's upstream socket, opened on its first datagram; null when no more are allowed. */
    private Client client(SocketAddress from) {
        Client c = clients.get(from);
        if (c != null) {
            c.lastActive = System.nanoTime();
            return c;
        }
        if (clients.size() >= limits.maxClients()) {
            refused++;
            refusedMetric.increment();
            return null;
        }
        try {
            DatagramChannel channel = DatagramChannel.open();
            try {
                // Not connected: on JDK 17 a connected channel's write() drops an empty datagram
                // silently, and an empty datagram is what many daytime clients send.
                channel.bind(null);
                channel.configureBlocking(false);
                c = new Client(from, channel);
                channel.register(selector, SelectionKey.OP_READ, c);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            // No socket to spare (or no route upstream): this datagram is lost, as on a full router.
            refused++;
            refusedMetric.increment();
            return null;
        }
        clients.put(from, c);
        return c;
    }

    /** Passes a datagram through this direction's toxics, in the proxy's chain order, into the queue. */
    private void relay(Client c, byte[] data, boolean downstream) {
        c.lastActive = System.nanoTime();
        List<ToxicSpec> chain = new ArrayList<>();
        for (ToxicSpec spec : toxics.get()) {
            if (spec.downstream() == downstream && spec.datagrams() != null) {
                chain.add(spec);
            }
        }
        c.forget(chain, downstream);
        Consumer<Datagram> next = d -> enqueue(new Pending(d.dueNanos(), sequence++, d.data(), c, downstream));
        for (int i = chain.size() - 1; i >= 0; i--) {
            ToxicSpec spec = chain.get(i);
            DatagramToxic.Run run = c.runs.computeIfAbsent(spec, s -> s.datagrams().open());
            Consumer<Datagram> after = next;
            // Toxicity per datagram: a UDP proxy has no connection to decide it once for.
            next = d -> {
                if (ThreadLocalRandom.current().nextFloat() < spec.toxicity()) {
                    run.datagram(d, after);
                } else {
                    after.accept(d);
                }
            };
        }
        next.accept(new Datagram(data, c.lastActive));
    }

    private void enqueue(Pending p) {
        long now = System.nanoTime();
        if (p.due - now <= 0) {
            // Due already (no latency, a free link): it leaves now, after whatever was due before it.
            // It never waits, so it takes no place in the queue, and a queue full of delayed datagrams
            // (the answers under a downstream latency, say) cannot drop it, as the README promises.
            sendDue(now);
            send(p);
            return;
        }
        if (queue.size() >= limits.maxQueued() || queuedBytes + p.data.length > limits.maxQueuedBytes()) {
            overflowed++;
            overflowedMetric.increment();
            return;
        }
        queue.add(p);
        queuedBytes += p.data.length;
    }

    private void sendDue(long now) {
        while (!queue.isEmpty() && queue.peek().due - now <= 0) {
            Pending p = queue.poll();
            queuedBytes -= p.data.length;
            send(p);
        }
    }

    private void send(Pending p) {
        try {
            if (p.downstream) {
                listener.send(ByteBuffer.wrap(p.data), p.client.address);
                down.sent().add(p.data.length);
            } else if (p.client.upstream.isOpen()) {
                p.client.upstream.send(ByteBuffer.wrap(p.data), upstream);
                up.sent().add(p.data.length);
            }
        } catch (IOException e) {
            // A datagram that cannot be sent is a lost datagram; UDP promises no more.
        }
    }

    private void expireIdle(long now) {
        if (now - nextExpiryCheck < 0) {
            return;
        }
        nextExpiryCheck = now + Math.min(EXPIRY_CHECK_NANOS, limits.idle().toNanos());
        long idle = limits.idle().toNanos();
        for (Iterator<Client> it = clients.values().iterator(); it.hasNext(); ) {
            Client c = it.next();
            if (now - c.lastActive >= idle) {
                it.remove();
                quietly(c.upstream);
                expired++;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            shutDown();
        }
    }

    private synchronized void shutDown() {
        closed = true;
        clients.values().forEach(c -> quietly(c.upstream));
        quietly(listener);
        quietly(selector);
    }

    private static String address(DatagramChannel channel) throws IOException {
        return ListenText.of((InetSocketAddress) channel.getLocalAddress());
    }

    private static void quietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // Closing is all that is left.
        }
    }

    /** One client address and its own socket to the upstream, with its toxics' state. */
    private static final class Client {
        final SocketAddress address;
        final DatagramChannel upstream;
        final Map<ToxicSpec, DatagramToxic.Run> runs = new HashMap<>();
        long lastActive = System.nanoTime();

        Client(SocketAddress address, DatagramChannel upstream) {
            this.address = address;
            this.upstream = upstream;
        }

        /** Drops the state of this direction's toxics that are gone from the proxy (removed, updated). */
        void forget(List<ToxicSpec> current, boolean downstream) {
            runs.keySet().removeIf(s -> s.downstream() == downstream && !current.contains(s));
        }
    }

    /** A datagram waiting to leave, in order of when it is due, then of when it came. */
    private record Pending(long due, long seq, byte[] data, Client client, boolean downstream)
            implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int byDue = Long.compare(due - o.due, 0);
            return byDue != 0 ? byDue : Long.compare(seq, o.seq);
        }
    }
}
