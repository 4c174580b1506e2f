package dev.daytimeharness.conformance;

import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.target.RunningTarget;
import dev.daytimeharness.target.Target;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The state one conformance run shares across its scenarios: the settings, the running target,
 * the politeness throttle and the results so far. The CLI opens it before the features run; under
 * Maven the features' own hooks open it from system properties.
 */
public final class ConformanceRun implements AutoCloseable {
    private static ConformanceRun current;

    private final Settings settings;
    private final RunningTarget target;
    private final Probe probe;
    private final PrintWriter out;
    private final boolean ownedByHooks;
    private final List<ScenarioResult> results = new ArrayList<>();
    private Exchange firstExchange;
    private dev.daytimeharness.conformance.clients.ClientUnderTest client =
            new dev.daytimeharness.conformance.clients.ReferenceClient();
    private java.time.Duration clientDeadline = java.time.Duration.ofSeconds(10);
    private boolean clientUdp;
    private dev.daytimeharness.faults.ToxiproxyEndpoint toxiproxy;

    private ConformanceRun(Settings settings, RunningTarget target, PrintWriter out, boolean ownedByHooks) {
        this.settings = settings;
        this.target = target;
        this.out = out;
        this.ownedByHooks = ownedByHooks;
        this.probe = new Probe(settings, new Politeness(settings.minInterval()));
    }

    /** Opens a run for the CLI, on a target the CLI has started and checked. */
    public static synchronized ConformanceRun open(Settings settings, RunningTarget target, PrintWriter out) {
        if (current != null) {
            throw new IllegalStateException("a conformance run is already open");
        }
        current = new ConformanceRun(settings, target, out, false);
        return current;
    }

    /** Called by the features' first hook: opens a run from system properties unless the CLI did. */
    public static synchronized void ensureOpen() {
        if (current == null) {
            Settings settings = Settings.fromSystemProperties();
            RunningTarget target = Target.parse(settings.target(), settings.udpTarget()).start();
            current = new ConformanceRun(settings, target, new PrintWriter(System.out, true), true);
            String command = System.getProperty("daytime.client", "");
            if (!command.isBlank()) {
                current.testClient(new dev.daytimeharness.conformance.clients.CommandClient(
                        java.util.List.of(command.trim().split("\\s+"))), current.clientDeadline);
            }
        }
    }

    /** Called by the features' last hook: closes a run the hooks opened. */
    public static synchronized void closeIfOwnedByHooks() {
        if (current != null && current.ownedByHooks) {
            current.close();
        }
    }

    public static synchronized ConformanceRun current() {
        if (current == null) {
            throw new IllegalStateException("no conformance run is open");
        }
        return current;
    }

    /** Sets the client the client features test, and the hard deadline of each of its runs. */
    public synchronized void testClient(dev.daytimeharness.conformance.clients.ClientUnderTest c, java.time.Duration deadline) {
        this.client = c;
        this.clientDeadline = deadline;
    }

    /** Declares that the command client under test speaks UDP, so the UDP client scenarios run. */
    public synchronized void clientSpeaksUdp() {
        clientUdp = true;
    }

    public synchronized boolean clientUdp() {
        return clientUdp;
    }

    public synchronized dev.daytimeharness.conformance.clients.ClientUnderTest client() {
        return client;
    }

    public synchronized java.time.Duration clientDeadline() {
        return clientDeadline;
    }

    public Settings settings() {
        return settings;
    }

    public RunningTarget target() {
        return target;
    }

    public Probe probe() {
        return probe;
    }

    public PrintWriter out() {
        return out;
    }

    /**
     * The run's first plain exchange: connect, send nothing, read until the server closes. Every
     * check that judges just the reply shares it, so a host we don't own sees one connection, not
     * twenty.
     */
    public synchronized Exchange firstExchange() {
        if (firstExchange == null) {
            firstExchange = probe.fetch(target.tcp(), new byte[0]);
        }
        return firstExchange;
    }

    /** The Toxiproxy the fault checks drive, started (if embedded) on first use and closed with the run. */
    public synchronized dev.daytimeharness.faults.ToxiproxyEndpoint toxiproxy() {
        if (toxiproxy == null) {
            toxiproxy = "docker".equals(settings.toxiproxy())
                    ? dev.daytimeharness.faults.ToxiproxyContainers.start(target.network().orElseThrow(() ->
                            new IllegalStateException("--toxiproxy docker needs a docker: target")))
                    : dev.daytimeharness.faults.ToxiproxyEndpoint.of(settings.toxiproxy());
        }
        return toxiproxy;
    }

    /** The first exchange if a scenario has taken it; the profile never connects by itself. */
    public synchronized java.util.Optional<Exchange> firstExchangeIfTaken() {
        return java.util.Optional.ofNullable(firstExchange);
    }

    public synchronized void record(ScenarioResult result) {
        results.add(result);
    }

    public synchronized List<ScenarioResult> results() {
        return List.copyOf(results);
    }

    @Override
    public void close() {
        synchronized (ConformanceRun.class) {
            if (current == this) {
                current = null;
            }
        }
        synchronized (this) {
            if (toxiproxy != null) {
                toxiproxy.close();
            }
        }
        target.close();
    }
}
