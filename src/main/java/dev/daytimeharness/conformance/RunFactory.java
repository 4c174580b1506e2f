package dev.daytimeharness.conformance;

import dev.daytimeharness.target.RunningTarget;
import dev.daytimeharness.target.Target;
import java.io.PrintWriter;

/**
 * The one way a conformance run is made, for {@code check}, {@code check-client} and the Maven
 * suite alike: what differs between them is only where the settings come from.
 */
public final class RunFactory {
    private RunFactory() {}

    /** A run on a target the caller has started (and may have checked); the run closes it. */
    public static ConformanceRun open(Settings settings, RunningTarget target, ClientSetup client, PrintWriter out) {
        return open(settings, target, client, Claims.none(), out);
    }

    /** The same, judged by what the implementation's CI claims of it. */
    public static ConformanceRun open(Settings settings, RunningTarget target, ClientSetup client, Claims claims,
                                      PrintWriter out) {
        return new ConformanceRun(settings, target, client, claims, out);
    }

    /** A run from {@code -Ddaytime.*} system properties, as {@code ./mvnw verify} is told. */
    public static ConformanceRun fromSystemProperties(PrintWriter out) {
        Settings settings = Settings.fromSystemProperties();
        RunningTarget target = Target.parse(settings.target(), settings.udpTarget()).start();
        return open(settings, target, ClientSetup.fromSystemProperties(), out);
    }
}
