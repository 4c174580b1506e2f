package dev.daytimeharness.conformance;

import dev.daytimeharness.conformance.report.Results;
import dev.daytimeharness.conformance.report.Timings;
import dev.daytimeharness.target.RunningTarget;
import java.io.PrintWriter;

/**
 * What one conformance run shares across its scenarios, made once by {@link RunFactory} and handed
 * to every scenario's world: the settings, the running target, the client under test, the polite
 * probe, the first exchange, the Toxiproxy, and the results so far. Closing it stops what it started.
 */
public final class ConformanceRun implements AutoCloseable {
    private final Settings settings;
    private final RunningTarget target;
    private final ClientSetup client;
    private final Probe probe;
    private final FirstExchange firstExchange;
    private final LazyToxiproxy toxiproxy;
    private final Results results;
    private final Claims claims;
    private final PrintWriter out;
    private final Timings timings = new Timings();
    private final Turns turns = new Turns();

    ConformanceRun(Settings settings, RunningTarget target, ClientSetup client, Claims claims, PrintWriter out) {
        this.settings = settings;
        this.claims = claims;
        this.target = target;
        this.client = client;
        this.out = out;
        this.probe = new Probe(settings, new Politeness(settings.minInterval()));
        this.firstExchange = new FirstExchange(probe, target.tcp());
        this.toxiproxy = new LazyToxiproxy(settings.toxiproxy(), target);
        this.results = new Results();
    }

    public Settings settings() {
        return settings;
    }

    public RunningTarget target() {
        return target;
    }

    public ClientSetup client() {
        return client;
    }

    public Probe probe() {
        return probe;
    }

    public FirstExchange firstExchange() {
        return firstExchange;
    }

    public LazyToxiproxy toxiproxy() {
        return toxiproxy;
    }

    public Results results() {
        return results;
    }

    /** The expected failures and the declared profile the run judges by. */
    public Claims claims() {
        return claims;
    }

    /** How long each scenario took, for {@code --verbose}. */
    public Timings timings() {
        return timings;
    }

    /** Who may run beside whom when scenarios run concurrently. */
    public Turns turns() {
        return turns;
    }

    /** Where the live report prints one line per scenario, the summary and the profile. */
    public PrintWriter out() {
        return out;
    }

    @Override
    public void close() {
        try {
            toxiproxy.close();
        } finally {
            target.close();
        }
    }
}
