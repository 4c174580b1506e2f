package dev.daytimeharness.cli;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.conformance.ClientSetup;
import dev.daytimeharness.conformance.ConformanceRun;
import dev.daytimeharness.conformance.RunFactory;
import dev.daytimeharness.conformance.Settings;
import dev.daytimeharness.conformance.clients.ClientUnderTest;
import dev.daytimeharness.conformance.clients.CommandClient;
import dev.daytimeharness.conformance.clients.ReferenceClient;
import dev.daytimeharness.conformance.report.ReportDir;
import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.target.RunningTarget;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code check-client}: serves a daytime client every kind of server and judges how it copes. */
@Command(name = "check-client", mixinStandardHelpOptions = true,
        description = {"Check a daytime client against good and misbehaving servers.",
                "The client is a command: {host} and {port} in its arguments are replaced, and DAYTIME_HOST",
                "and DAYTIME_PORT are set in its environment. With no command, checks the reference client."},
        footer = {"", "Examples:",
                "  daytime-harness check-client                              the reference client (must pass)",
                "  daytime-harness check-client -- python3 examples/correct_client.py {host} {port}",
                "  daytime-harness check-client --client-timeout 5s -- ./naive-client {host} {port}",
                "  daytime-harness check-client --env-only -- ./client-reading-DAYTIME_PORT",
                "  daytime-harness check-client --udp -- ./udp-client {host} {port}",
                "  daytime-harness check-client --image daytime-harness/reference:local -- get {host}:{port}",
                "", ExitCode.CHECK_HELP})
public final class CheckClientCommand implements Callable<Integer> {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The client to run, after --.")
    List<String> command = new ArrayList<>();

    @Option(names = "--client-timeout", paramLabel = "D", description = "Hard deadline of each client run; an overrun kills it (default: ${DEFAULT-VALUE}).")
    Duration clientTimeout = ClientSetup.DEFAULT_DEADLINE;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Run the client from this image (on this machine's network); COMMAND are its arguments.")
    String image;

    @Option(names = "--env-only", description = "The command reads DAYTIME_HOST and DAYTIME_PORT itself; its arguments need no {port}.")
    boolean envOnly;

    @Option(names = "--udp", description = "The client speaks UDP: run the UDP scenarios instead of the TCP ones.")
    boolean udp;

    @Mixin
    CheckOptions options = new CheckOptions(Path.of("target", "daytime-report", "client"));

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        java.time.Instant started = java.time.Instant.now();
        dev.daytimeharness.conformance.Claims claims = options.claims();
        claims.profile().ifPresent(this::clientProfile);
        ClientUnderTest client = CouldNotTest.unless(this::client);
        if (clientTimeout.isZero() || clientTimeout.isNegative()) {
            throw UserError.usage("--client-timeout must be more than zero");
        }
        options.validate();
        String toxiproxyUrl = options.toxiproxyUrl(true);
        if (toxiproxyUrl.equals("docker")) {
            throw UserError.usage("--toxiproxy docker is for check with a docker: target; check-client takes a URL");
        }
        Settings d = Settings.defaults();
        Settings settings = new Settings("", "", d.skew(), d.maxReply(), d.timeout(), d.concurrentClients(),
                options.strict, false, d.minInterval(), d.zone(), options.report, toxiproxyUrl);
        RunningTarget none = new RunningTarget(client.description(), new Endpoint("127.0.0.1", 0), Optional.empty(), () -> { });
        spec.commandLine().getErr().println("checking client: " + OneLine.of(client.description()) + " ...");
        if (client instanceof CommandClient c) {
            spec.commandLine().getErr().println("client processes: " + c.containment().guarantee());
        }
        spec.commandLine().getErr().flush();
        // With a profile, its transports say which scenarios apply (the others are skipped, saying
        // so); without one, --udp chooses the UDP scenarios instead of the TCP ones.
        boolean speaksUdp = claims.profile().map(p -> p.claims("udp")).orElse(udp);
        try (ReportDir reports = ReportOption.open(options.report, spec.commandLine().getErr());
             ConformanceRun run = RunFactory.open(settings.reportingInto(reports.staging()), none,
                     new ClientSetup(client, clientTimeout, speaksUdp), claims, spec.commandLine().getOut())) {
            String transport = claims.profile().isPresent() ? "" : udp ? "@udp" : "not @udp";
            String selection = transport.isEmpty() ? options.tags
                    : options.tags == null ? transport : "(" + options.tags + ") and " + transport;
            List<ScenarioResult> results = options.run(run, List.of("features/client"), selection);
            int code = CheckOptions.exitCode(results);
            String kind = image != null ? "image" : command.isEmpty() ? "reference-client" : "command";
            String address = image != null ? "docker:" + image : String.join(" ", command);
            options.record(started, new dev.daytimeharness.conformance.results.TargetEntry(kind, address,
                    client.description()), settings, claims.profile()).write(reports, results, Optional.empty(), code);
            return code;
        }
    }

    /** A client claims transports; the rest of a profile describes a server. */
    private void clientProfile(dev.daytimeharness.conformance.DeclaredProfile p) {
        if (p.udpPort().isPresent() || p.format().isPresent() || p.lineEnding().isPresent() || p.zone().isPresent()) {
            throw UserError.usage("--profile " + options.profile + ": a client's profile declares only transports"
                    + " (udpPort, format, lineEnding and zone describe a server)");
        }
        if (udp) {
            throw UserError.usage("--udp and --profile: the profile's transports say which scenarios to run");
        }
    }

    private ClientUnderTest client() {
        if (image != null) {
            return imageClient();
        }
        if (command.isEmpty()) {
            return new ReferenceClient();
        }
        String program = command.get(0);
        if (!runnable(program)) {
            throw UserError.usage("cannot find the client command '" + program + "' (is it on PATH, or executable?)");
        }
        boolean getsPort = command.stream().anyMatch(a -> a.contains("{port}") || a.contains("DAYTIME_PORT"));
        if (!getsPort && !envOnly) {
            throw UserError.usage("the client never learns the port: put {port} in its arguments, or add --env-only"
                    + " if it reads $DAYTIME_PORT itself");
        }
        return new CommandClient(List.copyOf(command));
    }

    private ClientUnderTest imageClient() {
        try {
            dev.daytimeharness.target.ImageName.check(image);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--image: " + e.getMessage());
        }
        var engine = dev.daytimeharness.target.DockerEngine.availability();
        if (!engine.available()) {
            throw UserError.failure("cannot run --image " + image + ": " + engine.reason());
        }
        if (!dev.daytimeharness.target.DockerEngine.hasImage(image)) {
            throw UserError.failure("image " + image + " is not on this machine (pull or build it first)");
        }
        boolean getsPort = command.stream().anyMatch(a -> a.contains("{port}") || a.contains("DAYTIME_PORT"));
        if (!getsPort && !envOnly) {
            throw UserError.usage("the client never learns the port: put {port} in its arguments, or add --env-only"
                    + " if the image reads $DAYTIME_PORT itself");
        }
        return new dev.daytimeharness.conformance.clients.ImageClient(image, List.copyOf(command));
    }

    private static boolean runnable(String program) {
        if (program.contains(File.separator)) {
            return new File(program).canExecute();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }
}
