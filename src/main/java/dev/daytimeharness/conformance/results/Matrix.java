package dev.daytimeharness.conformance.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Targets against scenarios: one column per run, one row per scenario ID, rows grouped under their
 * feature's title. This is how a CI that runs one job per implementation merges them; with one
 * column it is the report of a single run.
 *
 * @param columns the targets, in the order given
 * @param groups the rows, by feature, in scenario ID order
 */
public record Matrix(List<Column> columns, List<Group> groups) {

    /** One target's run, under the heading the user chose or else its address. */
    public record Column(String label, RunResults run) {
        public Column(RunResults run) {
            this(run.target().label(), run);
        }
    }

    /** The scenarios of one feature. */
    public record Group(String feature, List<Row> rows) {}

    /** One scenario, as the first run that ran it names it. */
    public record Row(String id, String name, String level) {}

    public Matrix {
        columns = List.copyOf(columns);
        groups = List.copyOf(groups);
    }

    /** A matrix of runs, each headed by its target's address. */
    public static Matrix of(List<RunResults> runs) {
        return ofColumns(runs.stream().map(Column::new).toList());
    }

    public static Matrix ofColumns(List<Column> columns) {
        Map<String, ScenarioEntry> first = new LinkedHashMap<>();
        for (Column c : columns) {
            c.run().scenarios().forEach(s -> first.putIfAbsent(s.id(), s));
        }
        Map<String, List<Row>> byFeature = new LinkedHashMap<>();
        first.values().stream().sorted(Comparator.comparing(ScenarioEntry::id)).forEach(s ->
                byFeature.computeIfAbsent(s.feature(), k -> new ArrayList<>()).add(new Row(s.id(), s.name(), s.level())));
        List<Group> groups = new ArrayList<>();
        byFeature.forEach((feature, rows) -> groups.add(new Group(feature, rows)));
        return new Matrix(columns, groups);
    }

    /** What a run found for a scenario; empty when it did not run it. */
    public Optional<ScenarioEntry> cell(Column column, String id) {
        return column.run().scenario(id);
    }
}
