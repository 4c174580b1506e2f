package dev.daytimeharness.conformance.results;

import java.time.Duration;

/**
 * The settings that change verdicts: two results judged under different ones are not comparable
 * scenario by scenario, so the diff shows them.
 *
 * @param strict whether warnings counted as errors
 * @param skew the clock tolerance
 * @param maxReply the read buffer a reply had to fit
 * @param zone the zone a timestamp without one was read in
 * @param tags the Cucumber tag expression, empty for all scenarios
 * @param expectedFailures the --expected-failures file, empty for none
 */
public record VerdictSettings(boolean strict, Duration skew, int maxReply, String zone, String tags,
                              String expectedFailures) {
}
