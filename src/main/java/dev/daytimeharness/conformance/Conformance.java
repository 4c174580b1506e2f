package dev.daytimeharness.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.daytimeharness.conformance.report.LiveReport;
import dev.daytimeharness.conformance.report.ScenarioResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the packaged features through the JUnit Platform's Cucumber engine: the very engine and
 * glue that {@code ./mvnw verify} uses, without Maven.
 */
public final class Conformance {
    public static final String GLUE = "dev.daytimeharness.conformance.steps";

    private Conformance() {}

    /**
     * Runs the features under {@code featureDirs} (classpath folders such as {@code features/server})
     * in the open run, and returns each scenario's verdict.
     */
    public static List<ScenarioResult> run(ConformanceRun run, List<String> featureDirs, String tags) {
        Path reports = run.settings().reportDir();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(featureDirs.stream().map(d -> selectPackage(d.replace('/', '.'))).collect(Collectors.toList()))
                .configurationParameters(parameters(reports));
        if (tags != null && !tags.isBlank()) {
            request.configurationParameter("cucumber.filter.tags", tags);
        }
        LauncherDiscoveryRequest built = request.build();
        LauncherFactory.create().execute(built);
        return run.results();
    }

    static Map<String, String> parameters(Path reports) {
        return Map.of(
                "cucumber.glue", GLUE,
                "cucumber.plugin", String.join(",",
                        LiveReport.class.getName(),
                        "html:" + reports.resolve("cucumber.html"),
                        "json:" + reports.resolve("cucumber.json"),
                        "junit:" + reports.resolve("junit.xml")),
                "cucumber.publish.quiet", "true",
                "cucumber.junit-platform.discovery.as-root-engine", "true",
                "cucumber.junit-platform.naming-strategy", "long");
    }
}
