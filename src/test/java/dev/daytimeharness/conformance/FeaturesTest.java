package dev.daytimeharness.conformance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every feature under {@code features/} with Maven, against the target named by
 * {@code -Ddaytime.target=HOST:PORT} or, by default, the in-process reference server.
 * The one place the Cucumber runner is configured; {@code check} sets the same parameters.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = Conformance.GLUE)
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME, value = "dev.daytimeharness.conformance.report.LiveReport,"
        + "html:target/daytime-report/maven/cucumber.html,junit:target/daytime-report/maven/junit.xml")
@ConfigurationParameter(key = "cucumber.publish.quiet", value = "true")
public class FeaturesTest {
}
