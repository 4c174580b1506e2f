package dev.daytimeharness.conformance.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How long each scenario took, as Cucumber timed it, and how long the run took to start: what
 * {@code --verbose} prints at the end, so a slow run shows where its time went.
 */
public final class Timings {
    private record Entry(String id, String name, Duration took) {}

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(String id, String name, Duration took) {
        entries.add(new Entry(id, name, took));
    }

    /**
     * The lines to print: the start-up time, the scenarios' total, the runner's own time, then every scenario, slowest
     * first. Numbers in {@link Locale#ROOT}, as every line a script may read.
     *
     * @param startUp from the JVM's start to the start of the run
     * @param wall from the JVM's start to now
     */
    public synchronized List<String> lines(Duration startUp, Duration wall) {
        List<String> lines = new ArrayList<>();
        long total = entries.stream().mapToLong(e -> e.took().toMillis()).sum();
        lines.add(String.format(Locale.ROOT, "time: %,d ms in all: start-up %,d ms (JVM start to the run), %d scenarios"
                + " %,d ms, the runner %,d ms (features, glue, reports)", wall.toMillis(), startUp.toMillis(),
                entries.size(), total, Math.max(0, wall.toMillis() - startUp.toMillis() - total)));
        entries.stream().sorted(Comparator.comparing(Entry::took).reversed())
                .forEach(e -> lines.add(String.format(Locale.ROOT, "  %,7d ms  %-11s %s", e.took().toMillis(), e.id(),
                        e.name())));
        return lines;
    }
}
