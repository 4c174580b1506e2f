package dev.daytimeharness.client.load;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A load generator for daytime servers: {@code threads} selector threads share {@code connections}
 * exchanges in flight (TCP or UDP) for a bounded time, and the calling thread reports each second.
 * A warm-up comes first and is not counted: a JIT-compiled generator, and often the server too,
 * runs at a fraction of its speed for its first second or so.
 */
public final class LoadGenerator {
    private final LoadOptions options;

    public LoadGenerator(LoadOptions options) {
        this.options = options;
    }

    /**
     * Runs for the warm-up and then the configured duration, reporting each second to {@code progress}.
     *
     * @throws UnknownHostException when the target's name does not resolve
     * @throws IOException when the idle connections of {@code --hold} cannot be opened
     */
    public LoadReport run(Consumer<String> progress) throws IOException {
        InetSocketAddress address = resolve();
        List<Socket> held = holdIdle(address);
        long start = System.nanoTime();
        long measureFrom = start + options.warmup().toNanos();
        long end = measureFrom + options.duration().toNanos();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int n = Math.max(1, Math.min(options.threads(), options.connections()));
        for (int i = 0; i < n; i++) {
            int share = options.connections() / n + (i < options.connections() % n ? 1 : 0);
            Tally tally = new Tally();
            String name = "load-" + i;
            Runnable worker = switch (options.engineInUse()) {
                case EPOLL -> new EpollTcpWorker(address, share, options.perConnection(), end, tally, name);
                case NIO -> options.udp()
                        ? new UdpWorker(address, share, options.perConnection(), end, tally)
                        : new TcpWorker(address, share, options.perConnection(), end, tally);
            };
            Thread t = new Thread(worker, name);
            t.setDaemon(true);
            tallies.add(tally);
            threads.add(t);
            t.start();
        }
        try {
            report(tallies, start, measureFrom, "  (warm-up, not counted)", progress);
            sleepUntil(measureFrom);
            tallies.forEach(Tally::restart);
            report(tallies, measureFrom, end, "", progress);
            for (Thread t : threads) {
                t.join(Math.max(1, options.perConnection().toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        Latencies all = new Latencies();
        Map<ErrorKind, Long> errors = new EnumMap<>(LoadReport.noErrors());
        long completed = 0;
        long unfinished = 0;
        long extra = 0;
        for (Tally t : tallies) {
            extra += t.extraReplies();
            t.addTimes(all);
            t.addErrors(errors);
            completed += t.completed();
            unfinished += t.unfinished();
        }
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        return new LoadReport(completed, seconds, all.percentileMillis(50), all.percentileMillis(90),
                all.percentileMillis(99), all.percentileMillis(100), errors, unfinished, extra);
    }

    /**
     * One progress line a second from {@code from} until {@code end}: rate, p99 of that second,
     * errors so far; {@code label} ends the warm-up's lines.
     */
    private void report(List<Tally> tallies, long from, long end, String label, Consumer<String> progress)
            throws InterruptedException {
        long lastCompleted = 0;
        long nextTick = from + 1_000_000_000L;
        while (nextTick <= end) {
            sleepUntil(nextTick);
            Latencies second = new Latencies();
            long completed = 0;
            Map<ErrorKind, Long> errors = new EnumMap<>(LoadReport.noErrors());
            for (Tally t : tallies) {
                completed += t.takeSecond(second);
                t.addErrors(errors);
            }
            progress.accept(String.format(Locale.ROOT, "%4ds  %,8d %s  p99 %6.2f ms  errors: %s%s",
                    (nextTick - from) / 1_000_000_000L, completed - lastCompleted, unit(options.udp()),
                    second.percentileMillis(99), LoadReport.errorsLine(errors), label));
            lastCompleted = completed;
            nextTick += 1_000_000_000L;
        }
    }

    /** Exchanges a second: connections over TCP, request-reply pairs over UDP. */
    public static String unit(boolean udp) {
        return udp ? "req/s" : "conn/s";
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /**
     * Sockets of the target's own family: the JDK's default dual-stack socket takes the kernel's
     * longer IPv6 path to reach an IPv4 address, about a tenth more work per connection.
     */
    static ProtocolFamily familyOf(InetSocketAddress address) {
        return address.getAddress() instanceof Inet4Address ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6;
    }

    /** Resolved once, up front: the workers' sockets take the family of the address. */
    private InetSocketAddress resolve() throws UnknownHostException {
        InetAddress host = InetAddress.getByName(options.target().host());
        return new InetSocketAddress(host, options.target().port());
    }

    private List<Socket> holdIdle(InetSocketAddress address) throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < options.hold(); i++) {
                Socket s = new Socket();
                held.add(s);
                s.setSoLinger(true, 0);
                s.connect(address, (int) options.perConnection().toMillis());
            }
        } catch (IOException e) {
            for (Socket s : held) {
                s.close();
            }
            throw new IOException("idle connection " + held.size() + " failed: " + e.getMessage(), e);
        }
        return held;
    }
}
