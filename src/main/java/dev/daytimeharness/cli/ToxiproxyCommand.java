package dev.daytimeharness.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.api.ApiError;
import dev.daytimeharness.faults.api.ToxiproxyServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code toxiproxy}: runs the embedded Toxiproxy-compatible server on its own, for QA. */
@Command(name = "toxiproxy", mixinStandardHelpOptions = true,
        description = {"Run the embedded Toxiproxy-compatible server until Ctrl-C.",
                "Drive it with any Toxiproxy client or toxiproxy-cli, as you would Toxiproxy 2.x."},
        footer = {"", "Examples:",
                "  daytime-harness toxiproxy                         API on 127.0.0.1:8474",
                "  daytime-harness toxiproxy --port 0                a free port, printed on start",
                "  daytime-harness toxiproxy --config proxies.json   create proxies at start (POST /populate)",
                "  daytime-harness toxiproxy --proxy-metrics         Prometheus byte counters on /metrics",
                "  curl -s -XPOST 127.0.0.1:8474/proxies -d '{\"name\":\"d\",\"listen\":\"127.0.0.1:1314\",\"upstream\":\"127.0.0.1:1313\"}'",
                "", ExitCode.HELP})
public final class ToxiproxyCommand implements Callable<Integer> {

    @Option(names = "--host", paramLabel = "ADDR", description = "Address of the API (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N", description = "Port of the API (default: ${DEFAULT-VALUE}).")
    int port = ToxiproxyServer.DEFAULT_PORT;

    @Option(names = "--config", paramLabel = "FILE", description = "A JSON list of proxies to create at start, as Toxiproxy's -config.")
    Path config;

    @Option(names = "--proxy-metrics", description = "Serve /metrics with Toxiproxy's per-proxy byte counters (as its -proxy-metrics).")
    boolean proxyMetrics;

    @Option(names = "--runtime-metrics", description = "Serve /metrics with process figures (as its -runtime-metrics).")
    boolean runtimeMetrics;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw UserError.usage("--port " + port + " is out of range (0-65535)");
        }
        InetSocketAddress address = new InetSocketAddress(BindAddress.resolve("--host", host), port);
        JsonArray proxies = config == null ? null : readConfig();
        ToxiproxyServer server;
        try {
            server = ToxiproxyServer.start(address, Metrics.of(proxyMetrics, runtimeMetrics));
        } catch (IOException e) {
            throw new UserError(ExitCode.FAILURE, dev.daytimeharness.server.BindFailure.describe(e, host + ":" + port, port, "--host"), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (proxies != null) {
            try {
                server.proxies().populate(proxies);
            } catch (ApiError.Failure f) {
                server.close();
                throw UserError.usage("--config " + config + ": " + f.getMessage());
            }
        }
        out.println("toxiproxy API on " + server.url() + " (Toxiproxy 2.12.0 compatible)");
        out.flush();
        UntilInterrupted.await("toxiproxy", server::close);
        return ExitCode.OK;
    }

    private JsonArray readConfig() {
        try {
            return JsonParser.parseString(Files.readString(config)).getAsJsonArray();
        } catch (IOException e) {
            throw UserError.usage("cannot read --config " + config + ": " + (e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : String.valueOf(e.getMessage())));
        } catch (JsonParseException | IllegalStateException e) {
            throw UserError.usage("--config " + config + " is not a JSON list of proxies");
        }
    }
}
