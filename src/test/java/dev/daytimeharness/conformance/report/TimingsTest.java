package dev.daytimeharness.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimingsTest {
    private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void scenariosOneAfterAnotherNeverOverlap() {
        Timings t = new Timings();
        t.add("DT-TCP-001", "a", T0, T0.plusMillis(10));
        t.add("DT-TCP-002", "b", T0.plusMillis(10), T0.plusMillis(30));
        assertThat(t.mostAtOnce()).isEqualTo(1);
    }

    @Test
    void countsTheScenariosThatRanAtOneInstant() {
        Timings t = new Timings();
        t.add("DT-FLT-004", "long", T0, T0.plusMillis(1000));
        t.add("DT-FLT-003", "inside", T0.plusMillis(100), T0.plusMillis(200));
        t.add("DT-FLT-005", "inside too", T0.plusMillis(150), T0.plusMillis(300));
        t.add("DT-TCP-001", "after", T0.plusMillis(1000), T0.plusMillis(1001));
        assertThat(t.mostAtOnce()).isEqualTo(3);
    }

    @Test
    void theFirstLineGivesTheSpanAndTheSum() {
        Timings t = new Timings();
        t.add("DT-FLT-004", "long", T0.plusMillis(100), T0.plusMillis(1100));
        t.add("DT-FLT-003", "short", T0.plusMillis(100), T0.plusMillis(600));
        assertThat(t.lines(T0, T0.plusMillis(50), T0.plusMillis(1200)).get(0)).isEqualTo("time: 1,200 ms in all:"
                + " start-up 50 ms (JVM start to the run), 2 scenarios 1,000 ms first start to last end (1,500 ms added up,"
                + " at most 2 at once), the runner 150 ms (features, glue, reports)");
    }
}
