package dev.daytimeharness.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: one table of subcommands, and one place where errors become exit codes. */
@Command(name = "daytime-harness",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Conformance test harness and simulator for the Daytime Protocol (RFC 867).",
        footer = {"", "Examples:",
                "  daytime-harness serve --port 0              run the reference server on a free port",
                "  daytime-harness get 127.0.0.1:1313          fetch and print one timestamp",
                "  daytime-harness check                       run the conformance suite on the reference server",
                "  daytime-harness check 127.0.0.1:1313 --faults",
                "  daytime-harness simulate --behaviour fragmented --port 1313",
                "  daytime-harness proxy --upstream 127.0.0.1:1313 --latency 500ms",
                "", ExitCode.HELP})
public final class Main implements java.util.concurrent.Callable<Integer> {

    /** Every subcommand, in the order --help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ServeCommand.class,
            GetCommand.class,
            CheckCommand.class,
            CheckClientCommand.class,
            SimulateCommand.class,
            ToxiproxyCommand.class,
            ProxyCommand.class,
            LoadCommand.class,
            ReportCommand.class
    );

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print more detail: what the parser found, and stack traces for errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command given: the usage, on stderr, and a usage error, so a script that forgot one notices. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("daytime-harness: name a command (serve, get, check, check-client, simulate, toxiproxy, proxy, load, report)");
        spec.commandLine().usage(err);
        err.flush();
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line in-process; tests read what a user would see from {@code out} and {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    static final int HELP_WIDTH = 120;

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> sub : SUBCOMMANDS) {
            cli.addSubcommand(sub);
        }
        cli.setOut(out);
        cli.setErr(err);
        // Wide enough that no example line wraps mid-command: a wrapped example cannot be pasted.
        cli.setUsageHelpWidth(HELP_WIDTH);
        cli.registerConverter(java.time.Duration.class, new DurationConverter());
        // Durations' defaults shown as they are written (5s), not as java.time prints them (PT5S).
        cli.setDefaultValueProvider(arg -> arg.type() == java.time.Duration.class
                && arg.initialValue() instanceof java.time.Duration d ? DurationConverter.format(d) : null);
        cli.setParameterExceptionHandler(Main::onBadUsage);
        cli.setExecutionExceptionHandler(Main::onFailure);
        return cli;
    }

    private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("daytime-harness: " + OneLine.of(e.getMessage()) + " (try '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        if (isVerbose(args)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCode.USAGE;
    }

    private static int onFailure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof UserError user) {
            err.println("daytime-harness: " + OneLine.of(user.getMessage()));
            code = user.exitCode();
        } else {
            err.println("daytime-harness: " + OneLine.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            code = ExitCode.FAILURE;
        }
        if (isVerbose(parsed.originalArgs().toArray(String[]::new))) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** Whether --verbose was given, wherever on the command line. */
    static boolean verbose(CommandLine.Model.CommandSpec spec) {
        return ((Main) spec.root().userObject()).verbose;
    }

    private static boolean isVerbose(String[] args) {
        return List.of(args).contains("--verbose");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"daytime-harness " + (v == null ? "dev" : v)};
        }
    }
}
