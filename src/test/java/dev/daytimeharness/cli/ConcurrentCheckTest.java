package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --jobs N}: scenarios run side by side on the reference server, and every report
 * lists them as a serial run does. Overlap is read from the scenarios' start and end instants
 * (--verbose's "at most N at once"), never from how long anything took.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConcurrentCheckTest {
    private static final Pattern CONSOLE = Pattern.compile("(?m)^(?:PASS|WARN|FAIL|SKIP|XFAIL|XPASS) +(DT-[A-Z]+-\\d+) ");
    private static final Pattern AT_ONCE = Pattern.compile("at most (\\d+) at once");

    @TempDir
    Path dir;

    @Test
    void severalJobsOverlapAndReportInTheOrderOfOneJob() throws IOException {
        CliRun serial = CliRun.of("check", "--faults", "--jobs", "1", "--verbose", "--report", dir.resolve("serial").toString());
        CliRun concurrent = CliRun.of("check", "--faults", "--jobs", "8", "--verbose", "--report",
                dir.resolve("concurrent").toString());
        assertThat(serial.exitCode()).as(serial.out()).isZero();
        assertThat(concurrent.exitCode()).as(concurrent.out()).isZero();

        assertThat(atOnce(serial)).as("--jobs 1 runs one scenario at a time").isEqualTo(1);
        assertThat(atOnce(concurrent)).as("--jobs 8 runs scenarios side by side").isGreaterThan(1).isLessThanOrEqualTo(8);

        List<String> console = ids(serial.out());
        assertThat(console).hasSizeGreaterThan(30);
        assertThat(ids(concurrent.out())).as("console").isEqualTo(console);
        for (String report : List.of("cucumber.json", "junit.xml", "results.json")) {
            assertThat(reported(dir.resolve("concurrent"), report)).as(report)
                    .isEqualTo(reported(dir.resolve("serial"), report));
        }
        assertThat(reported(dir.resolve("concurrent"), "results.json")).isEqualTo(console);
    }

    @Test
    void jobsMustBeAtLeastOne() {
        CliRun run = CliRun.of("check", "--jobs", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).contains("--jobs must be between 1 and 64").doesNotContain("Exception");
    }

    private static int atOnce(CliRun run) {
        Matcher m = AT_ONCE.matcher(run.err());
        assertThat(m.find()).as(run.err()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static List<String> ids(String console) {
        List<String> ids = new ArrayList<>();
        Matcher m = CONSOLE.matcher(console);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The scenario IDs (or, in junit.xml, the test names) in the order the report lists them. */
    private static List<String> reported(Path reports, String file) throws IOException {
        String text = Files.readString(reports.resolve(file), StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        switch (file) {
            case "results.json" -> JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("scenarios")
                    .forEach(s -> out.add(s.getAsJsonObject().get("id").getAsString()));
            case "cucumber.json" -> {
                for (JsonElement feature : JsonParser.parseString(text).getAsJsonArray()) {
                    for (JsonElement scenario : feature.getAsJsonObject().getAsJsonArray("elements")) {
                        if (!scenario.getAsJsonObject().has("tags")) {
                            continue; // a Background, listed before each scenario
                        }
                        scenario.getAsJsonObject().getAsJsonArray("tags").forEach(tag -> {
                            String name = tag.getAsJsonObject().get("name").getAsString();
                            if (name.startsWith("@DT-")) {
                                out.add(name.substring(1));
                            }
                        });
                    }
                }
            }
            default -> {
                Matcher m = Pattern.compile("<testcase classname=\"[^\"]*\" name=\"([^\"]*)\"").matcher(text);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
