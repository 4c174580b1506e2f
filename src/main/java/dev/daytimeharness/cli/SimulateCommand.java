package dev.daytimeharness.cli;

import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.simulator.Behaviour;
import dev.daytimeharness.simulator.Behaviours;
import dev.daytimeharness.simulator.Simulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code simulate}: runs a misbehaving daytime server, for QA and for testing clients. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a daytime server that behaves in a chosen way, good or bad, until Ctrl-C.",
        footer = {"", "Examples:",
                "  daytime-harness simulate --list",
                "  daytime-harness simulate --behaviour fragmented --port 1313",
                "  daytime-harness simulate --behaviour skewed --skew 30s --port 1313",
                "  daytime-harness simulate --behaviour format --format nist --port 1313",
                "  daytime-harness simulate --behaviour amplifies --port 1313      also UDP: 50 datagrams per request",
                "", ExitCode.HELP})
public final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--behaviour", paramLabel = "NAME", description = "What the server does (see --list).")
    String behaviour;

    @Option(names = "--list", description = "List every behaviour and what a client observes.")
    boolean list;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 1313;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--skew", paramLabel = "D", description = "How far 'skewed' is off (default: 1h).")
    Duration skew;

    @Option(names = "--format", paramLabel = "F", description = "What 'format' writes: any format of the README's table, e.g. ctime, xinetd, rfc867, nist, dotnet-en-us, go-time (default: ctime).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (Behaviour b : Behaviours.all()) {
                out.printf("  %-22s %s%n", b.name(), b.description());
            }
            out.flush();
            return ExitCode.OK;
        }
        Behaviour chosen = chosen();
        if (port < 0 || port > 65535) {
            throw UserError.usage("--port " + port + " is out of range (0-65535; 0 picks a free port)");
        }
        InetSocketAddress address = new InetSocketAddress(BindAddress.resolve("--bind", bind), port);
        Simulation simulation;
        try {
            simulation = Simulation.start(chosen, address);
        } catch (IOException e) {
            throw new UserError(ExitCode.FAILURE, dev.daytimeharness.server.BindFailure.describe(e, bind + ":" + port
                    + (chosen.datagramsPerRequest() > 0 ? " (TCP and UDP)" : ""), port), e);
        }
        out.println("simulating " + chosen.name() + " on " + simulation.endpoint()
                + (simulation.udp().isPresent() ? " (TCP and UDP)" : "") + ": " + chosen.description());
        out.flush();
        UntilInterrupted.await("simulate", simulation::close);
        return ExitCode.OK;
    }

    private Behaviour chosen() {
        if (behaviour == null) {
            throw UserError.usage("say which --behaviour to simulate (see simulate --list)");
        }
        Behaviour chosen;
        try {
            chosen = Behaviours.byName(behaviour, skew == null ? Duration.ofHours(1) : skew,
                    ReplyFormat.fromCliName(format == null ? "ctime" : format));
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        // An option the chosen behaviour ignores would be a setting silently not applied.
        if (format != null && !"format".equals(chosen.name())) {
            throw UserError.usage("--format only changes --behaviour format, not " + chosen.name());
        }
        if (skew != null && !"skewed".equals(chosen.name())) {
            throw UserError.usage("--skew only changes --behaviour skewed, not " + chosen.name());
        }
        return chosen;
    }
}
