package dev.daytimeharness.client.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A load generator for daytime servers: {@code threads} selector threads share {@code connections}
 * exchanges in flight for a bounded time, and the calling thread reports each second.
 */
public final class LoadGenerator {
    private final LoadOptions options;

    public LoadGenerator(LoadOptions options) {
        this.options = options;
    }

    /**
     * Runs for the configured duration, reporting each second to {@code progress}.
     *
     * @throws IOException when the idle connections of {@code --hold} cannot be opened
     */
    public LoadReport run(Consumer<String> progress) throws IOException {
        List<Socket> held = holdIdle();
        long start = System.nanoTime();
        long end = start + options.duration().toNanos();
        List<LoadWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int n = Math.max(1, Math.min(options.threads(), options.connections()));
        for (int i = 0; i < n; i++) {
            int share = options.connections() / n + (i < options.connections() % n ? 1 : 0);
            LoadWorker w = new LoadWorker(options, share, end);
            Thread t = new Thread(w, "load-" + i);
            t.setDaemon(true);
            workers.add(w);
            threads.add(t);
            t.start();
        }
        try {
            report(workers, start, end, progress);
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
        for (LoadWorker w : workers) {
            w.addTotals(all, errors);
            completed += w.completed();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LoadReport(completed, seconds, all.percentileMillis(50), all.percentileMillis(90),
                all.percentileMillis(99), all.percentileMillis(100), errors);
    }

    /** One progress line a second until the end: rate, p99 of that second, errors so far. */
    private static void report(List<LoadWorker> workers, long start, long end, Consumer<String> progress)
            throws InterruptedException {
        long lastCompleted = 0;
        long nextTick = start + 1_000_000_000L;
        while (nextTick <= end) {
            Thread.sleep(Math.max(1, (nextTick - System.nanoTime()) / 1_000_000));
            Latencies second = new Latencies();
            long completed = 0;
            Map<ErrorKind, Long> errors = new EnumMap<>(LoadReport.noErrors());
            for (LoadWorker w : workers) {
                completed += w.takeSecond(second);
                w.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            }
            progress.accept(String.format("%4ds  %,8d conn/s  p99 %6.2f ms  errors: %s",
                    (nextTick - start) / 1_000_000_000L, completed - lastCompleted, second.percentileMillis(99),
                    LoadReport.errorsLine(errors)));
            lastCompleted = completed;
            nextTick += 1_000_000_000L;
        }
    }

    private List<Socket> holdIdle() throws IOException {
        InetSocketAddress address = new InetSocketAddress(options.target().host(), options.target().port());
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < options.hold(); i++) {
            Socket s = new Socket();
            s.connect(address, (int) options.perConnection().toMillis());
            s.setSoLinger(true, 0);
            held.add(s);
        }
        return held;
    }
}
