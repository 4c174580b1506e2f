package dev.daytimeharness.cli;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.faults.Fault;
import dev.daytimeharness.faults.FaultProxy;
import dev.daytimeharness.faults.ToxiproxyEndpoint;
import dev.daytimeharness.faults.UdpFaultProxy;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code proxy}: one faulty proxy in front of a daytime server, for reproducing a fault by hand. */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Put a proxy with network faults in front of a daytime server, until Ctrl-C.",
                "Uses the embedded Toxiproxy unless --toxiproxy (or $TOXIPROXY_URL) names a real one."},
        footer = {"", "Examples:",
                "  daytime-harness proxy --upstream 127.0.0.1:1313 --latency 500ms",
                "  daytime-harness proxy --upstream 127.0.0.1:1313 --slice 1          1-byte reads",
                "  daytime-harness proxy --upstream 127.0.0.1:1313 --reset-after 0ms  connection resets",
                "  daytime-harness proxy --upstream 127.0.0.1:1313 --limit 5 --toxiproxy http://127.0.0.1:8474",
                "  daytime-harness proxy --udp --upstream 127.0.0.1:1313 --loss 0.3 --duplicate 1 --latency 200ms --jitter 100ms",
                "", ExitCode.HELP})
public final class ProxyCommand implements Callable<Integer> {

    @Option(names = "--upstream", required = true, paramLabel = "HOST:PORT", description = "The daytime server behind the proxy.")
    String upstream;

    @Option(names = "--latency", paramLabel = "D", description = "Delay every reply by this much.")
    Duration latency;

    @Option(names = "--jitter", paramLabel = "D", description = "Vary the latency by up to this much.")
    Duration jitter = Duration.ZERO;

    @Option(names = "--slice", paramLabel = "BYTES", description = "Cut replies into slices of this size.")
    Integer slice;

    @Option(names = "--reset-after", paramLabel = "D", description = "Reset the connection this long after the reply starts.")
    Duration resetAfter;

    @Option(names = "--bandwidth", paramLabel = "KBPS", description = "Let at most this many KB/s through (KB: 1000 bytes, as Toxiproxy; 0: no limit).")
    Integer bandwidth;

    @Option(names = "--limit", paramLabel = "BYTES", description = "Close the connection after this many bytes.")
    Integer limit;

    @Option(names = "--timeout", paramLabel = "D", description = "Pass nothing; close when the server does, or after this long with no data (0ms: only when the server does).")
    Duration timeout;

    @Option(names = "--toxiproxy", paramLabel = "URL", description = "A real Toxiproxy, e.g. http://127.0.0.1:8474.")
    String toxiproxy;

    @Option(names = "--udp", description = "A UDP proxy (the embedded Toxiproxy's extension): each fault acts on every"
            + " datagram; --limit cuts each one, --timeout drops them all.")
    boolean udp;

    @Option(names = "--loss", paramLabel = "RATE", description = "--udp: lose each datagram with this chance, 0 to 1.")
    Double loss;

    @Option(names = "--duplicate", paramLabel = "N", description = "--udp: send each datagram N more times (0 to 100).")
    Integer duplicate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Endpoint up;
        ToxiproxyEndpoint where;
        try {
            up = Endpoint.parseTarget(upstream, Endpoint.DAYTIME_PORT);
            String url = ToxiproxyOption.resolve(toxiproxy, System.getenv(), true);
            if (url.equals("docker")) {
                throw UserError.usage("--toxiproxy docker is for check with a docker: target; proxy takes a URL");
            }
            if (url.isBlank() || url.equals("embedded")) {
                resolvable(up);
            }
            where = ToxiproxyEndpoint.of(url);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        // Checked before anything is opened, so a bad number leaves nothing running.
        if (udp) {
            DatagramFaults.checkUsage(slice, resetAfter, loss, duplicate);
        } else if (loss != null || duplicate != null) {
            throw UserError.usage("--loss and --duplicate are for a UDP proxy: add --udp");
        }
        if (slice != null) {
            positive(slice, "--slice");
        }
        if (bandwidth != null) {
            atLeastZero(bandwidth, "--bandwidth");
        }
        if (limit != null) {
            atLeastZero(limit, "--limit");
        }
        AutoCloseable proxy;
        Endpoint listen;
        try {
            if (udp) {
                UdpFaultProxy u = UdpFaultProxy.open(where, up.toString());
                proxy = u;
                listen = u.endpoint();
                DatagramFaults.add(u, latency, jitter, loss, duplicate, limit, bandwidth, timeout);
            } else {
                FaultProxy f = FaultProxy.open(where, up.toString());
                proxy = f;
                listen = f.endpoint();
                addFaults(f);
            }
        } catch (UdpFaultProxy.Unsupported e) {
            where.close();
            throw new UserError(ExitCode.COULD_NOT_TEST, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            where.close();
            throw new UserError(ExitCode.FAILURE, e.getMessage() + " (is Toxiproxy running there?)", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println((udp ? "udp " : "") + "proxy to " + up + " listening on " + listen + " (toxiproxy " + where.url() + ")");
        out.println("try: daytime-harness get " + (udp ? "--udp " : "") + listen);
        out.flush();
        UntilInterrupted.await("proxy", () -> {
            try {
                proxy.close();
            } catch (Exception ignored) {
                // Stopping on Ctrl-C: the Toxiproxy goes next.
            }
            where.close();
        });
        return ExitCode.OK;
    }

    /**
     * The embedded Toxiproxy dials the upstream from this machine, so a name this machine cannot
     * resolve would fail every connection later, silently: say so now. (A Toxiproxy elsewhere may
     * resolve names this machine cannot, such as a Docker network's aliases.)
     */
    private static void resolvable(Endpoint up) {
        try {
            java.net.InetAddress.getByName(up.host());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("--upstream " + up + ": cannot resolve host " + up.host()
                    + " (check the name)");
        }
    }

    /** The faults asked for, their numbers already checked in {@link #call()}. */
    private void addFaults(FaultProxy proxy) {
        if (latency != null) {
            proxy.add(new Fault.Latency(latency.toMillis(), jitter.toMillis()), true);
        }
        if (slice != null) {
            proxy.add(new Fault.Slicer(slice, 0, 1_000), true);
        }
        if (resetAfter != null) {
            proxy.add(new Fault.ResetPeer(resetAfter.toMillis()), true);
        }
        if (bandwidth != null) {
            proxy.add(new Fault.Bandwidth(bandwidth), true);
        }
        if (limit != null) {
            proxy.add(new Fault.LimitData(limit), true);
        }
        if (timeout != null) {
            proxy.add(new Fault.Timeout(timeout.toMillis()), true);
        }
    }

    private static int atLeastZero(int n, String option) {
        if (n < 0) {
            throw UserError.usage(option + " must be 0 or more");
        }
        return n;
    }

    private static int positive(int n, String option) {
        if (n < 1) {
            throw UserError.usage(option + " must be at least 1");
        }
        return n;
    }
}
