package dev.daytimeharness.cli;

import com.google.gson.GsonBuilder;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.load.LoadEngine;
import dev.daytimeharness.client.load.LoadGenerator;
import dev.daytimeharness.client.load.LoadOptions;
import dev.daytimeharness.client.load.LoadReport;
import java.io.IOException;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code load}: measures how many daytime exchanges a second a server sustains. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Load a daytime server for a bounded time and report its rate and latency.",
                "A warm-up runs first and is not counted. Progress each second on stderr;",
                "the summary on stdout (--json for one JSON object). Exit 1 when nothing",
                "completed or more than 1%% of exchanges failed."},
        footer = {"", "Examples:",
                "  daytime-harness load 127.0.0.1:1313",
                "  daytime-harness load 127.0.0.1:1313 --connections 64 --duration 30s --hold 2000",
                "  daytime-harness load 127.0.0.1:1313 --udp --connections 8 --warmup 0s",
                "  daytime-harness load time.example.org:13 --allow-load --connections 2 --duration 5s",
                "", ExitCode.HELP})
public final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "The server to load.")
    String target;

    @Option(names = "--connections", paramLabel = "N", description = "Exchanges in flight at once (default: ${DEFAULT-VALUE}).")
    int connections = 32;

    @Option(names = "--duration", paramLabel = "D", description = "How long to run (default: ${DEFAULT-VALUE}).")
    Duration duration = Duration.ofSeconds(10);

    @Option(names = "--warmup", paramLabel = "D", description = "Load this long first, not counted (default: ${DEFAULT-VALUE}).")
    Duration warmup = Duration.ofSeconds(1);

    @Option(names = "--udp", description = "Send datagrams instead of opening TCP connections (one request in flight per --connections).")
    boolean udp;

    @Option(names = "--hold", paramLabel = "K", description = "Idle connections to hold open, never reading (default: 0).")
    int hold;

    @Option(names = "--timeout", paramLabel = "D", description = "Deadline of each exchange (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(5);

    @Option(names = "--threads", paramLabel = "N", description = "Threads generating the load, each with its own event loop (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--engine", paramLabel = "E", description = "What drives the TCP sockets: auto (epoll where"
            + " available, else nio), epoll (Linux x86_64, native) or nio (the JDK's, anywhere) (default: ${DEFAULT-VALUE}).")
    String engine = "auto";

    @Option(names = "--allow-load", description = "Allow loading a host off this machine (be sure you own it).")
    boolean allowLoad;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Every held connection and every exchange in flight is an open file: say so before running out. */
    private void checkOpenFiles() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
            // Over UDP each request in flight alternates two channels (so extra replies are told apart).
            long needed = os.getOpenFileDescriptorCount() + hold + (udp ? 2L : 1L) * connections + 64L;
            if (needed > os.getMaxFileDescriptorCount()) {
                throw UserError.usage(String.format(Locale.ROOT, "--hold %d with --connections %d needs about %,d open files, and this"
                        + " process may open %,d; raise the limit (ulimit -n) or ask for fewer", hold, connections, needed,
                        os.getMaxFileDescriptorCount()));
            }
        }
    }

    private LoadEngine engine() {
        switch (engine.toLowerCase(Locale.ROOT)) {
            case "auto":
                return LoadEngine.best();
            case "epoll":
                if (udp) {
                    throw UserError.usage("--engine epoll drives TCP sockets; --udp always runs on nio");
                }
                if (!LoadEngine.EPOLL.available()) {
                    throw UserError.usage("--engine epoll: " + LoadEngine.EPOLL.unavailableReason() + "; use --engine nio");
                }
                return LoadEngine.EPOLL;
            case "nio":
                return LoadEngine.NIO;
            default:
                throw UserError.usage("--engine must be auto, epoll or nio, not '" + engine + "'");
        }
    }

    @Override
    public Integer call() {
        Endpoint endpoint;
        try {
            endpoint = Endpoint.parseTarget(target, Endpoint.DAYTIME_PORT);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("bad target: " + e.getMessage());
        }
        if (!endpoint.isLoopback() && !allowLoad) {
            throw UserError.usage("load sends thousands of connections a second: " + endpoint.host()
                    + " is not this machine; add --allow-load only for a host you own");
        }
        if (connections < 1 || connections > 10_000 || hold < 0 || hold > 50_000 || threads < 1 || threads > 64) {
            throw UserError.usage("--connections must be 1-10000, --hold 0-50000 and --threads 1-64");
        }
        if (duration.isZero() || duration.isNegative() || duration.compareTo(Duration.ofHours(1)) > 0) {
            throw UserError.usage("--duration must be more than zero and at most 1h");
        }
        if (warmup.isNegative() || warmup.compareTo(Duration.ofMinutes(10)) > 0) {
            throw UserError.usage("--warmup must be 0s to 10m");
        }
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw UserError.usage("--timeout must be more than zero and at most 10m");
        }
        LoadEngine chosen = engine();
        checkOpenFiles();
        if (udp && hold > 0) {
            throw UserError.usage("--hold holds idle TCP connections; it has no meaning with --udp");
        }
        LoadOptions options = new LoadOptions(endpoint, connections, warmup, duration, hold, timeout, threads, udp,
                chosen);
        PrintWriter err = spec.commandLine().getErr();
        err.println("loading " + endpoint + (udp ? " over UDP with " + connections + " requests in flight"
                : " with " + connections + " connections") + " for " + DurationConverter.format(duration)
                + (warmup.isZero() ? "" : " after a " + DurationConverter.format(warmup) + " warm-up")
                + (hold > 0 ? ", holding " + hold + " idle" : "") + " (" + options.engineInUse().label()
                + " engine) ...");
        LoadReport r;
        try {
            r = new LoadGenerator(options).run(line -> {
                err.println(line);
                err.flush();
            });
        } catch (UnknownHostException e) {
            throw new UserError(ExitCode.FAILURE, "cannot resolve host " + endpoint.host() + " (check the name)", e);
        } catch (IOException e) {
            throw new UserError(ExitCode.FAILURE, "cannot hold " + hold + " idle connections to " + endpoint + ": "
                    + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", endpoint.toString());
            m.put("transport", udp ? "udp" : "tcp");
            m.put("engine", options.engineInUse().label());
            m.put("warmupSeconds", warmup.toMillis() / 1000.0);
            m.put("completed", r.completed());
            m.put("seconds", r.seconds());
            m.put("rate", r.rate());
            m.put("p50Millis", r.p50());
            m.put("p90Millis", r.p90());
            m.put("p99Millis", r.p99());
            m.put("maxMillis", r.max());
            Map<String, Long> errors = new LinkedHashMap<>();
            r.errors().forEach((k, v) -> errors.put(k.name().toLowerCase(Locale.ROOT), v));
            m.put("errors", errors);
            m.put("unfinished", r.unfinished());
            if (udp) {
                m.put("extraReplies", r.extraReplies());
            }
            out.println(new GsonBuilder().create().toJson(m));
        } else {
            out.printf(Locale.ROOT, "%s: %,d exchanges in %.1f s = %,.0f %s; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    endpoint, r.completed(), r.seconds(), r.rate(), LoadGenerator.unit(udp), r.p50(), r.p90(), r.p99(),
                    r.max());
            out.println("errors: " + r.errorsLine() + (r.unfinished() > 0
                    ? "; " + r.unfinished() + " still in flight at the end, not counted" : ""));
            if (r.extraReplies() > 0) {
                out.printf(Locale.ROOT, "extra replies: %,d datagrams beyond one per request, not counted as exchanges"
                        + " (the server amplifies: RFC 867 sends one answering datagram)%n", r.extraReplies());
            }
            if (r.completed() == 0 && r.failed() == 0) {
                out.println("no exchange finished within the run: the server took connections but sent nothing and"
                        + " did not close (is it a daytime server?)");
            }
        }
        out.flush();
        return r.completed() == 0 || r.failed() > r.completed() / 100 ? ExitCode.FAILURE : ExitCode.OK;
    }
}
