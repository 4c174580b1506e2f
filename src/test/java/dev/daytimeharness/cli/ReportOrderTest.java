package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One order everywhere: the console, cucumber.json, junit.xml and results.json list the scenarios
 * grouped by feature (features ordered by their lowest ID) and by ID within a feature.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReportOrderTest {
    private static final Pattern CONSOLE = Pattern.compile("(?m)^(?:PASS|WARN|FAIL|SKIP|XFAIL|XPASS) +(DT-[A-Z]+-\\d+) +(.*)$");

    @TempDir
    Path dir;

    @Test
    void theConsoleAndEveryReportListScenariosInTheSameOrder() throws IOException {
        CliRun run = CliRun.of("check", "--report", dir.toString());
        assertThat(run.exitCode()).as(run.out()).isZero();
        Map<String, String> idByName = new LinkedHashMap<>();
        Matcher m = CONSOLE.matcher(run.out());
        while (m.find()) {
            idByName.put(m.group(2).strip(), m.group(1));
        }
        List<String> console = List.copyOf(idByName.values());
        assertThat(console).hasSizeGreaterThan(20);

        List<String> cucumberJson = new ArrayList<>();
        List<String> features = new ArrayList<>();
        for (JsonElement feature : JsonParser.parseString(read("cucumber.json")).getAsJsonArray()) {
            for (JsonElement scenario : feature.getAsJsonObject().getAsJsonArray("elements")) {
                if (!scenario.getAsJsonObject().get("type").getAsString().equals("scenario")) {
                    continue; // a Background, listed before each scenario
                }
                for (JsonElement tag : scenario.getAsJsonObject().getAsJsonArray("tags")) {
                    String name = tag.getAsJsonObject().get("name").getAsString();
                    if (name.startsWith("@DT-")) {
                        cucumberJson.add(name.substring(1));
                        features.add(feature.getAsJsonObject().get("name").getAsString());
                    }
                }
            }
        }
        List<String> junit = new ArrayList<>();
        Matcher testcase = Pattern.compile("<testcase classname=\"[^\"]*\" name=\"([^\"]*)\"").matcher(read("junit.xml"));
        while (testcase.find()) {
            junit.add(idByName.get(testcase.group(1).replace("&apos;", "'").replace("&quot;", "\"").replace("&amp;", "&")));
        }
        List<String> results = new ArrayList<>();
        for (JsonElement s : JsonParser.parseString(read("results.json")).getAsJsonObject().getAsJsonArray("scenarios")) {
            results.add(s.getAsJsonObject().get("id").getAsString());
        }

        assertThat(cucumberJson).as("cucumber.json").isEqualTo(console);
        assertThat(junit).as("junit.xml").isEqualTo(console);
        assertThat(results).as("results.json").isEqualTo(console);
        assertGroupedByFeatureThenId(console, features);
    }

    /** Each feature's scenarios together and in ID order; the features by their lowest ID. */
    private static void assertGroupedByFeatureThenId(List<String> ids, List<String> features) {
        List<String> firstIds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            boolean newFeature = i == 0 || !features.get(i).equals(features.get(i - 1));
            if (newFeature) {
                assertThat(features.subList(0, i)).as("feature %s comes in one piece", features.get(i))
                        .doesNotContain(features.get(i));
                firstIds.add(ids.get(i));
            } else {
                assertThat(ids.get(i)).as("within %s", features.get(i)).isGreaterThan(ids.get(i - 1));
            }
        }
        assertThat(firstIds).isSorted();
    }

    private String read(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }
}
