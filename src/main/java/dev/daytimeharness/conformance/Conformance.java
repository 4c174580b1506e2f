package dev.daytimeharness.conformance;

import dev.daytimeharness.conformance.report.LiveReport;
import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.conformance.steps.WorldFactories;
import io.cucumber.core.options.CucumberPropertiesParser;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Runs the packaged features with Cucumber, configured by {@code cucumber.properties} beside this
 * class: the one runner that {@code check}, {@code check-client} and {@code ./mvnw verify} share.
 * The run is handed in: Cucumber builds each scenario's world from it, and the live report writes
 * into it, so nothing is found through a static.
 */
public final class Conformance {
    private Conformance() {}

    /**
     * Runs the features under {@code featureDirs} (classpath folders such as {@code features/server})
     * that match {@code tags} (none: all), and returns each scenario's verdict in {@link ScenarioOrder}, one at a time.
     */
    public static List<ScenarioResult> run(ConformanceRun run, List<String> featureDirs, String tags) {
        return run(run, featureDirs, tags, 1);
    }

    /**
     * The same, with up to {@code jobs} scenarios at once when the target is on this machine (see
     * {@link Jobs}); the reports list them in {@link ScenarioOrder} all the same.
     */
    public static List<ScenarioResult> run(ConformanceRun run, List<String> featureDirs, String tags, int jobs) {
        int threads = Jobs.effective(jobs, run.target());
        RunOrder order = new RunOrder(threads > 1, run.turns());
        RuntimeOptions options = new CucumberPropertiesParser().parse(parameters(run.settings().reportDir(), featureDirs, tags))
                .setPickleOrder(order)
                .setThreads(threads)
                .build();
        Runtime.builder()
                .withRuntimeOptions(options)
                .withClassLoader(Conformance.class::getClassLoader)
                .withObjectFactorySupplier(new WorldFactories(run))
                .withEventBus(new ReportedInOrder(order))
                .withAdditionalPlugins(new LiveReport(run))
                .build()
                .run();
        return run.results().all();
    }

    /** The shared configuration, with the reports aimed at {@code reports} and the selection added. */
    static Map<String, String> parameters(Path reports, List<String> featureDirs, String tags) {
        Map<String, String> p = new HashMap<>(shared());
        p.put("cucumber.plugin", List.of(p.get("cucumber.plugin").split(",")).stream()
                .map(String::strip)
                .map(plugin -> into(reports, plugin))
                .collect(Collectors.joining(",")));
        p.put("cucumber.features", featureDirs.stream().map(d -> "classpath:" + d).collect(Collectors.joining(",")));
        if (tags != null && !tags.isBlank()) {
            p.put("cucumber.filter.tags", tags);
        }
        return p;
    }

    /** {@code html:cucumber.html} becomes {@code html:<reports>/cucumber.html}. */
    private static String into(Path reports, String plugin) {
        int colon = plugin.indexOf(':');
        return colon < 0 ? plugin : plugin.substring(0, colon + 1) + reports.resolve(plugin.substring(colon + 1));
    }

    static Map<String, String> shared() {
        Properties p = new Properties();
        try (InputStream in = Conformance.class.getResourceAsStream("cucumber.properties")) {
            if (in == null) {
                throw new IllegalStateException("cucumber.properties is missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
