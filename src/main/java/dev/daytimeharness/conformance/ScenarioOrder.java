package dev.daytimeharness.conformance;

import io.cucumber.core.gherkin.Pickle;
import io.cucumber.core.order.PickleOrder;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs scenarios grouped by feature, the features ordered by their lowest scenario ID and each
 * feature's scenarios by ID: so the console, the JUnit XML and the JSON all read DT-TCP-001,
 * 002 ... in one order, and a feature's scenarios stay together as the JSON report needs them.
 * The JSON report sorts by file name and line whatever order the scenarios ran in, so the feature
 * files are numbered in the order of their IDs ({@code 01-connect.feature}, ...) and a feature's
 * scenarios are written in ID order; ReportOrderTest holds all of them to it.
 */
final class ScenarioOrder implements PickleOrder {

    @Override
    public List<Pickle> orderPickles(List<Pickle> pickles) {
        Map<URI, String> firstIdOfFeature = pickles.stream().collect(Collectors.toMap(Pickle::getUri,
                ScenarioOrder::id, (a, b) -> a.compareTo(b) <= 0 ? a : b));
        return pickles.stream()
                .sorted(Comparator.<Pickle, String>comparing(p -> firstIdOfFeature.get(p.getUri()))
                        .thenComparing(p -> p.getUri().toString())
                        .thenComparing(ScenarioOrder::id)
                        .thenComparing(p -> p.getLocation().getLine()))
                .toList();
    }

    /** The scenario's stable ID tag, e.g. {@code DT-TCP-003}; scenarios without one go last. */
    static String id(Pickle p) {
        return p.getTags().stream().filter(t -> t.startsWith("@DT-")).map(t -> t.substring(1)).findFirst()
                .orElse("~");
    }
}
