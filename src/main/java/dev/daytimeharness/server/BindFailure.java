package dev.daytimeharness.server;

import java.io.IOException;
import java.net.BindException;
import java.util.Locale;

/** Says in one line why a port could not be bound, and what to try. */
public final class BindFailure {
    private BindFailure() {}

    public static String describe(IOException e, String where, int port) {
        return describe(e, where, port, "--bind");
    }

    /** The same, for a command whose address option is {@code option} ({@code toxiproxy} has --host). */
    public static String describe(IOException e, String where, int port, String option) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("permission denied") || m.contains("access")) {
            return "cannot listen on " + where + ": permission denied (ports below 1024 need privileges; try --port 1313 or --port 0)";
        }
        if (m.contains("in use")) {
            return "cannot listen on " + where + ": address already in use (another server has port " + port + "; try --port 0)";
        }
        if (e instanceof BindException || m.contains("assign")) {
            return "cannot listen on " + where + ": " + m + " (is the " + option + " address one of this machine's?)";
        }
        return "cannot listen on " + where + ": " + m;
    }
}
