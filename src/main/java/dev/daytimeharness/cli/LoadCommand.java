package dev.daytimeharness.cli;

import com.google.gson.GsonBuilder;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.load.LoadGenerator;
import dev.daytimeharness.client.load.LoadOptions;
import dev.daytimeharness.client.load.LoadReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
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
                "Progress each second on stderr; the summary on stdout (--json for one JSON object)."},
        footer = {"", "Examples:",
                "  daytime-harness load 127.0.0.1:1313",
                "  daytime-harness load 127.0.0.1:1313 --connections 64 --duration 30s --hold 2000",
                "  daytime-harness load time.example.org:13 --allow-load --connections 2 --duration 5s",
                "", ExitCode.HELP})
public final class LoadCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "The server to load.")
    String target;

    @Option(names = "--connections", paramLabel = "N", description = "Exchanges in flight at once (default: ${DEFAULT-VALUE}).")
    int connections = 32;

    @Option(names = "--duration", paramLabel = "D", description = "How long to run (default: ${DEFAULT-VALUE}).")
    Duration duration = Duration.ofSeconds(10);

    @Option(names = "--hold", paramLabel = "K", description = "Idle connections to hold open, never reading (default: 0).")
    int hold;

    @Option(names = "--timeout", paramLabel = "D", description = "Deadline of each exchange (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(5);

    @Option(names = "--threads", paramLabel = "N", description = "Selector threads generating the load (default: ${DEFAULT-VALUE}).")
    int threads = 1;

    @Option(names = "--allow-load", description = "Allow loading a host off this machine (be sure you own it).")
    boolean allowLoad;

    @Option(names = "--json", description = "Print the summary as one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Endpoint endpoint;
        try {
            endpoint = Endpoint.parse(target, Endpoint.DAYTIME_PORT);
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
        PrintWriter err = spec.commandLine().getErr();
        err.println("loading " + endpoint + " with " + connections + " connections for " + DurationConverter.format(duration)
                + (hold > 0 ? ", holding " + hold + " idle" : "") + " ...");
        LoadReport r = new LoadGenerator(new LoadOptions(endpoint, connections, duration, hold, timeout, threads))
                .run(line -> {
                    err.println(line);
                    err.flush();
                });
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", endpoint.toString());
            m.put("completed", r.completed());
            m.put("seconds", r.seconds());
            m.put("rate", r.rate());
            m.put("p50Millis", r.p50());
            m.put("p90Millis", r.p90());
            m.put("p99Millis", r.p99());
            m.put("maxMillis", r.max());
            Map<String, Long> errors = new LinkedHashMap<>();
            r.errors().forEach((k, v) -> errors.put(k.name().toLowerCase(), v));
            m.put("errors", errors);
            out.println(new GsonBuilder().create().toJson(m));
        } else {
            out.printf("%s: %,d exchanges in %.1f s = %,.0f conn/s; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    endpoint, r.completed(), r.seconds(), r.rate(), r.p50(), r.p90(), r.p99(), r.max());
            out.println("errors: " + r.errorsLine());
        }
        out.flush();
        return r.completed() == 0 || r.failed() > r.completed() / 100 ? ExitCode.FAILURE : ExitCode.OK;
    }
}
