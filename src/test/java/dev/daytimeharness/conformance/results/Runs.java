package dev.daytimeharness.conformance.results;

import dev.daytimeharness.conformance.report.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small results for unit tests: a target and a few verdicts, written as "ID status finding". */
final class Runs {
    private Runs() {}

    static RunResults of(String address, String... verdicts) {
        List<ScenarioEntry> entries = new ArrayList<>();
        for (String v : verdicts) {
            String[] p = v.split(" ", 3);
            entries.add(new ScenarioEntry(p[0], "scenario " + p[0], p[0].startsWith("DT-UDP") ? "UDP" : "Replies",
                    "must", Status.valueOf(p[1]), p.length > 2 ? p[2] : ""));
        }
        return new RunResults("1.2.3", new TargetEntry("remote", address, "daytime server at " + address),
                Instant.parse("2026-12-01T10:00:00Z"), Duration.ofMillis(2500),
                new VerdictSettings(false, Duration.ofSeconds(5), 1024, "UTC", "", ""),
                Optional.of(new ObservedProfile("ctime", "CRLF", "UTC", true, "closed")), Optional.empty(),
                entries.stream().anyMatch(e -> e.status().failsRun()) ? 1 : 0, entries);
    }
}
