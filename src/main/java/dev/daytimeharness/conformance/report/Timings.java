package dev.daytimeharness.conformance.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * When each scenario started and ended, as Cucumber timed it, and how long the run took to start:
 * what {@code --verbose} prints at the end, so a slow run shows where its time went. Scenarios
 * that run side by side overlap, so the scenarios' share of the run is their span (the first's
 * start to the last's end), not their sum.
 */
public final class Timings {
    /** One scenario's start and end. */
    public record Span(String id, String name, Instant started, Instant ended) {
        Duration took() {
            return Duration.between(started, ended);
        }
    }

    private final List<Span> spans = new ArrayList<>();

    public synchronized void add(String id, String name, Instant started, Instant ended) {
        spans.add(new Span(id, name, started, ended));
    }

    /** Every scenario's span, in the order they were reported. */
    public synchronized List<Span> spans() {
        return List.copyOf(spans);
    }

    /** The most scenarios that ran at one instant: 1 for a serial run. */
    public synchronized int mostAtOnce() {
        int most = 0;
        for (Span s : spans) {
            // Counting at each start is enough: the count only rises at a start.
            int at = (int) spans.stream().filter(o -> !o.started().isAfter(s.started()) && o.ended().isAfter(s.started()))
                    .count();
            most = Math.max(most, at);
        }
        return most;
    }

    /**
     * The lines to print: the start-up time, the scenarios' span and sum, the runner's own time,
     * then every scenario, slowest first, with its start counted from the JVM's. Numbers in
     * {@link Locale#ROOT}, as every line a script may read.
     *
     * @param jvmStart when the JVM started
     * @param runStart when the run started (the first scenario could start)
     * @param end now
     */
    public synchronized List<String> lines(Instant jvmStart, Instant runStart, Instant end) {
        List<String> lines = new ArrayList<>();
        long sum = spans.stream().mapToLong(s -> s.took().toMillis()).sum();
        long span = spans.isEmpty() ? 0 : Duration.between(
                spans.stream().map(Span::started).min(Comparator.naturalOrder()).orElseThrow(),
                spans.stream().map(Span::ended).max(Comparator.naturalOrder()).orElseThrow()).toMillis();
        long wall = Duration.between(jvmStart, end).toMillis();
        long startUp = Duration.between(jvmStart, runStart).toMillis();
        lines.add(String.format(Locale.ROOT, "time: %,d ms in all: start-up %,d ms (JVM start to the run), %d scenarios"
                + " %,d ms first start to last end (%,d ms added up, at most %d at once), the runner %,d ms"
                + " (features, glue, reports)", wall, startUp, spans.size(), span, sum, mostAtOnce(),
                Math.max(0, wall - startUp - span)));
        spans.stream().sorted(Comparator.comparing(Span::took).reversed())
                .forEach(s -> lines.add(String.format(Locale.ROOT, "  %,7d ms  %-11s from %,6d ms  %s",
                        s.took().toMillis(), s.id(), Duration.between(jvmStart, s.started()).toMillis(), s.name())));
        return lines;
    }
}
