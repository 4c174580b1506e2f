package dev.daytimeharness.cli;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.ReadFailure;
import dev.daytimeharness.conformance.Claims;
import dev.daytimeharness.conformance.ClientSetup;
import dev.daytimeharness.conformance.ConformanceRun;
import dev.daytimeharness.conformance.RunFactory;
import dev.daytimeharness.conformance.Settings;
import dev.daytimeharness.conformance.report.ReportDir;
import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.conformance.results.TargetEntry;
import dev.daytimeharness.target.RunningTarget;
import dev.daytimeharness.target.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check}: runs the server conformance features against a target and judges it. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a daytime server against RFC 867 and common client expectations.",
                "With no TARGET, checks the in-process reference server."},
        footer = {"", "Examples:",
                "  daytime-harness check                          the reference server (must pass)",
                "  daytime-harness check 127.0.0.1:1313           a server on this machine",
                "  daytime-harness check time.example.org:13 --udp-port 13 --strict",
                "  daytime-harness check 127.0.0.1:1313 --tags '@must and not @load'",
                "  daytime-harness check --faults                 also the network-fault checks (embedded Toxiproxy)",
                "  daytime-harness check 127.0.0.1:1313 --faults --toxiproxy http://127.0.0.1:8474",
                "  daytime-harness check docker:daytime-harness/xinetd:local --udp-port 13 --faults",
                "", "Results: one line per scenario (PASS, WARN, FAIL, SKIP), a summary and the target's",
                "profile on stdout; results.json, report.html, Cucumber HTML and JSON and JUnit XML in --report.",
                "  daytime-harness check 127.0.0.1:1313 --expected-failures known-failures.txt --profile profile.json",
                "", ExitCode.CHECK_HELP})
public final class CheckCommand implements Callable<Integer> {

    private static final java.util.Set<dev.daytimeharness.client.Outcome> UNREACHABLE = java.util.EnumSet.of(
            dev.daytimeharness.client.Outcome.REFUSED, dev.daytimeharness.client.Outcome.UNKNOWN_HOST,
            dev.daytimeharness.client.Outcome.UNREACHABLE, dev.daytimeharness.client.Outcome.CONNECT_TIMEOUT);

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "HOST[:PORT] of a running server (port 13 by default), or docker:IMAGE[:TAG];"
                    + " omit for the reference server.")
    String target = "";

    @Option(names = "--udp-port", paramLabel = "PORT",
            description = "Also check the target's UDP service on this port (for docker: its port in the container).")
    Integer udpPort;

    @Option(names = "--container-port", paramLabel = "PORT",
            description = "docker: targets: the port the server listens on in its container (default: 13).")
    Integer containerPort;

    @Option(names = "--skew", paramLabel = "D", description = "Clock tolerance (default: ${DEFAULT-VALUE}).")
    Duration skew = Settings.defaults().skew();

    @Option(names = "--max-reply", paramLabel = "BYTES",
            description = "The read buffer a reply must fit (default: ${DEFAULT-VALUE}).")
    int maxReply = Settings.defaults().maxReply();

    @Option(names = "--timeout", paramLabel = "D", description = "Deadline of every exchange (default: ${DEFAULT-VALUE}).")
    Duration timeout = Settings.defaults().timeout();

    @Option(names = "--clients", paramLabel = "N",
            description = "Clients the concurrency check sends at once (default: ${DEFAULT-VALUE}).")
    int clients = Settings.defaults().concurrentClients();

    @Option(names = "--allow-load", description = "Run concurrency and robustness checks against hosts off this machine.")
    boolean allowLoad;

    @Option(names = "--min-interval", paramLabel = "D",
            description = "Least time between connections to a host off this machine (default: ${DEFAULT-VALUE}).")
    Duration minInterval = Settings.defaults().minInterval();

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Read timestamps that name no zone in this zone (default: this machine's).")
    String zone;

    @Option(names = "--faults", description = "Also run the network-fault checks, through Toxiproxy.")
    boolean faults;

    @Option(names = "--jobs", paramLabel = "N",
            description = {"Scenarios run at once on a target on this machine (default: ${DEFAULT-VALUE});"
                    + " a host off this machine always gets one at a time. Reports keep one order whatever N is."})
    int jobs = dev.daytimeharness.conformance.Jobs.LOCAL_DEFAULT;

    @Mixin
    CheckOptions options = new CheckOptions(Settings.defaults().reportDir());

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        java.time.Instant started = java.time.Instant.now();
        Claims claims = options.claims();
        // What the profile declares stands in for the options it was not given.
        claims.profile().ifPresent(p -> {
            if (udpPort == null && !claims.disclaims("udp")) {
                udpPort = p.udpPort().orElse(null);
            }
            if (zone == null) {
                zone = p.zone().map(java.time.ZoneId::getId).orElse(null);
            }
        });
        Settings settings = CouldNotTest.unless(this::settings);
        Target parsed = target(settings);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ReportDir reports = ReportOption.open(options.report, spec.commandLine().getErr());
             ConformanceRun run = RunFactory.open(settings.reportingInto(reports.staging()),
                     CouldNotTest.unless(() -> TargetStart.start(parsed)), ClientSetup.reference(), claims, out)) {
            err.println("checking " + OneLine.of(run.target().description()) + " ...");
            err.flush();
            // A server that claims no TCP is not asked over TCP: its TCP scenarios are skipped.
            Exchange first = claims.disclaims("tcp") ? null : run.firstExchange().get();
            if (first != null && UNREACHABLE.contains(first.outcome())) {
                // Nothing to check: say so in one line instead of failing every scenario.
                throw new UserError(ExitCode.COULD_NOT_TEST, new ReadFailure.Network(first, timeout).message());
            }
            List<String> features = faults ? List.of("features/server", "features/faults") : List.of("features/server");
            java.time.Instant firstScenario = java.time.Instant.now();
            List<ScenarioResult> results = options.run(run, features, options.tags, jobs);
            if (Main.verbose(spec)) {
                // Where the time went: from the JVM's start, as a user waits for it.
                java.time.Instant jvmStart = java.time.Instant.ofEpochMilli(
                        java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
                run.timings().lines(jvmStart, firstScenario, java.time.Instant.now()).forEach(err::println);
                err.flush();
            }
            int code = CheckOptions.exitCode(results);
            options.record(started, targetEntry(parsed, run.target()), settings, claims.profile())
                    .write(reports, results, run.firstExchange().ifTaken(), code);
            return code;
        }
    }

    private static TargetEntry targetEntry(Target parsed, RunningTarget running) {
        if (parsed instanceof Target.Remote r) {
            return new TargetEntry("remote", r.tcp().toString(), running.description());
        }
        if (parsed instanceof Target.Docker d) {
            return new TargetEntry("docker", "docker:" + d.image(), running.description());
        }
        return new TargetEntry("reference", "", running.description());
    }

    /**
     * The target as the run will start it; it follows the Toxiproxy choice the settings made
     * (once, from --toxiproxy or $TOXIPROXY_URL), so a Toxiproxy container can reach it.
     */
    Target target(Settings settings) {
        return parseTarget(settings.toxiproxy());
    }

    Settings settings() {
        options.validate();
        require(maxReply > 0, "--max-reply must be at least 1 byte");
        require(clients >= 1 && clients <= 1000, "--clients must be between 1 and 1000");
        require(jobs >= 1 && jobs <= 64, "--jobs must be between 1 and 64");
        require(!timeout.isNegative() && !timeout.isZero(), "--timeout must be more than zero");
        ZoneId zoneId = ZoneOption.parse(zone);
        // The Toxiproxy matters only to the fault scenarios. Resolved once, here: the target's Docker
        // network and the run's Toxiproxy follow the same choice.
        String toxiproxyUrl = options.toxiproxyUrl(faults);
        if (toxiproxyUrl.equals("docker") && !target.startsWith("docker:")) {
            throw UserError.usage("--toxiproxy docker needs a docker: target (the Toxiproxy container reaches the"
                    + " server over a Docker network); for other targets use the embedded one or --toxiproxy URL");
        }
        return new Settings(target, udpTarget(), skew, maxReply, timeout, clients, options.strict, allowLoad,
                minInterval, zoneId, options.report, toxiproxyUrl);
    }

    private String udpTarget() {
        if (udpPort == null) {
            return "";
        }
        require(udpPort > 0 && udpPort <= 65535, "--udp-port must be between 1 and 65535");
        return Target.udpTarget(target, udpPort);
    }

    private Target parseTarget(String toxiproxyChoice) {
        try {
            Target t = Target.parse(target, udpTarget());
            if (t instanceof Target.Docker d) {
                int port = containerPort == null ? Endpoint.DAYTIME_PORT : containerPort;
                require(port > 0 && port <= 65535, "--container-port must be between 1 and 65535");
                return new Target.Docker(d.image(), port, udpPort != null, "docker".equals(toxiproxyChoice), timeout);
            }
            require(containerPort == null, "--container-port is for docker: targets; give the port as HOST:PORT");
            return t;
        } catch (IllegalArgumentException e) {
            throw UserError.usage("bad target: " + e.getMessage()
                    + (target.startsWith("docker:") ? "" : " (write HOST:PORT, e.g. 127.0.0.1:1313)"));
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw UserError.usage(message);
        }
    }
}
