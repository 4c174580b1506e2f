package dev.daytimeharness.faults;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prometheus metrics as Toxiproxy 2.12 offers them: none unless asked for, per-proxy byte
 * counters with {@code --proxy-metrics} and process figures with {@code --runtime-metrics},
 * under Toxiproxy's names and labels. Go's runtime metrics have no JVM twin; the runtime set is
 * the Go collector's names that do have one (threads, heap, process CPU, memory and files).
 *
 * @param proxyMetrics whether {@code toxiproxy_proxy_*_bytes_total} are counted
 * @param runtimeMetrics whether {@code go_*} and {@code process_*} figures are shown
 * @param drops datagrams UDP proxies dropped past their bounds, by labels (ours: Toxiproxy has no UDP)
 */
public record Metrics(boolean proxyMetrics, boolean runtimeMetrics, Map<Labels, Counters> counters,
                      Map<String, LongAdder> drops) {
    /** Ours, beside Toxiproxy's families: what a UDP proxy dropped and why (README, "UDP proxies"). */
    static final String DROPS = "daytime_harness_udp_dropped_datagrams_total";

    /** As promhttp of client_golang 1.21 labels its text format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8; escaping=underscores";

    /** Toxiproxy's labels, in its order: direction, proxy, listener, upstream. */
    public record Labels(String direction, String proxy, String listener, String upstream) {}

    /** Bytes read from one side and written to the other, for one direction of one proxy. */
    public record Counters(LongAdder received, LongAdder sent) {
        public static Counters unused() {
            return new Counters(new LongAdder(), new LongAdder());
        }
    }

    public static Metrics none() {
        return of(false, false);
    }

    public static Metrics of(boolean proxyMetrics, boolean runtimeMetrics) {
        return new Metrics(proxyMetrics, runtimeMetrics, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /** Whether {@code /metrics} exists at all; Toxiproxy answers 404 there without either flag. */
    public boolean enabled() {
        return proxyMetrics || runtimeMetrics;
    }

    /** The counters a link adds its bytes to; counted nowhere when proxy metrics are off. */
    public Counters counters(String direction, String proxy, String listener, String upstream) {
        if (!proxyMetrics) {
            return Counters.unused();
        }
        return counters.computeIfAbsent(new Labels(direction, proxy, listener, upstream), k -> Counters.unused());
    }

    /**
     * The counter a UDP proxy adds a dropped datagram to: {@code reason} is {@code client_limit}
     * (a new client address past the socket limit) or {@code queue_limit} (the delay queue full).
     */
    public LongAdder dropped(String proxy, String reason) {
        if (!proxyMetrics) {
            return new LongAdder();
        }
        return drops.computeIfAbsent(String.format(Locale.ROOT, "{proxy=\"%s\",reason=\"%s\"}", escape(proxy),
                escape(reason)), k -> new LongAdder());
    }

    /** The text exposition format, families and series sorted as client_golang sorts them. */
    public String exposition() {
        StringBuilder out = new StringBuilder();
        if (runtimeMetrics) {
            runtime(out);
        }
        if (proxyMetrics) {
            family(out, "toxiproxy_proxy_received_bytes_total", true);
            family(out, "toxiproxy_proxy_sent_bytes_total", false);
            if (!drops.isEmpty()) {
                out.append("# HELP ").append(DROPS).append(" Datagrams a UDP proxy dropped past its bounds.\n# TYPE ")
                        .append(DROPS).append(" counter\n");
                new TreeMap<>(drops).forEach((labels, v) -> out.append(DROPS).append(labels).append(' ')
                        .append(v.sum()).append('\n'));
            }
        }
        return out.toString();
    }

    private void family(StringBuilder out, String name, boolean received) {
        TreeMap<String, Long> series = new TreeMap<>();
        counters.forEach((l, c) -> series.put(String.format(Locale.ROOT,
                "{direction=\"%s\",listener=\"%s\",proxy=\"%s\",upstream=\"%s\"}", escape(l.direction()),
                escape(l.listener()), escape(l.proxy()), escape(l.upstream())), (received ? c.received() : c.sent()).sum()));
        if (series.isEmpty()) {
            return;
        }
        out.append("# HELP ").append(name).append(" \n# TYPE ").append(name).append(" counter\n");
        series.forEach((labels, v) -> out.append(name).append(labels).append(' ').append(v).append('\n'));
    }

    private static void runtime(StringBuilder out) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        Runtime rt = Runtime.getRuntime();
        gauge(out, "go_goroutines", "Number of goroutines that currently exist.", Thread.activeCount());
        gauge(out, "go_memstats_heap_alloc_bytes", "Number of heap bytes allocated and currently in use.",
                rt.totalMemory() - rt.freeMemory());
        gauge(out, "go_threads", "Number of OS threads created.", ManagementFactory.getThreadMXBean().getThreadCount());
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            metric(out, "process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", "counter",
                    unix.getProcessCpuTime() / 1e9);
            gauge(out, "process_max_fds", "Maximum number of open file descriptors.", unix.getMaxFileDescriptorCount());
            gauge(out, "process_open_fds", "Number of open file descriptors.", unix.getOpenFileDescriptorCount());
        }
        gauge(out, "process_resident_memory_bytes", "Resident memory size in bytes.", residentBytes());
        gauge(out, "process_start_time_seconds", "Start time of the process since unix epoch in seconds.",
                ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);
    }

    private static double residentBytes() {
        try {
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
            return Long.parseLong(statm[1]) * 4096.0;
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        metric(out, name, help, "gauge", value);
    }

    private static void metric(StringBuilder out, String name, String help, String type, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append("\n# TYPE ").append(name).append(' ')
                .append(type).append('\n').append(name).append(' ').append(goFloat(value)).append('\n');
    }

    /** Go's {@code strconv.FormatFloat(v, 'g', -1, 64)}: shortest digits, exponent from 1e+06 up. */
    static String goFloat(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1;
        if (exponent < -4 || exponent >= 21 || exponent >= 6) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (v < 0 ? "-" : "") + mantissa + String.format(Locale.ROOT, "e%s%02d", exponent < 0 ? "-" : "+",
                    Math.abs(exponent));
        }
        return d.toPlainString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
