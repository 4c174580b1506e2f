package dev.daytimeharness.conformance.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.daytimeharness.conformance.DeclaredProfile;
import dev.daytimeharness.conformance.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {
    @TempDir
    Path dir;

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        RunResults run = Runs.of("127.0.0.1:13", "DT-TCP-001 PASS", "DT-TCP-010 WARN the reply ends with LF",
                "DT-TCP-020 XFAIL never closes", "DT-UDP-001 SKIP the profile declares no UDP");
        run = new RunResults(run.harnessVersion(), run.target(), run.started(), run.duration(), run.settings(),
                run.observed(), java.util.Optional.of(DeclaredProfile.parse("{\"transports\":[\"tcp\"],\"format\":\"ctime\"}")),
                run.exitCode(), run.scenarios());
        ResultsFile.write(run, dir.resolve("results.json"));
        assertThat(ResultsFile.read(dir)).isEqualTo(run);
        assertThat(ResultsFile.read(dir.resolve("results.json"))).isEqualTo(run);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(dir.resolve("results.json"));
        }
    }

    @Test
    void theSchemaIsVersionedCountsStatusesAndNamesTheExitCode() {
        var json = JsonParser.parseString(ResultsFile.toJson(Runs.of("h:13", "DT-TCP-001 PASS", "DT-TCP-002 XPASS listed")))
                .getAsJsonObject();
        assertThat(json.get("schemaVersion").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("summary").get("xpass").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("exit").get("code").getAsInt()).isEqualTo(1);
        assertThat(json.getAsJsonObject("exitCodes").keySet()).containsExactly("0", "1", "2", "3");
        assertThat(json.getAsJsonArray("scenarios").get(1).getAsJsonObject().get("status").getAsString()).isEqualTo("xpass");
    }

    @Test
    void statusesAreSpelledTheSameUnderATurkishLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            String json = ResultsFile.toJson(Runs.of("h:13", "DT-TCP-001 XFAIL f", "DT-TCP-002 FAIL f"));
            assertThat(json).contains("\"status\": \"xfail\"").contains("\"status\": \"fail\"").doesNotContain("ı");
            assertThat(ResultsFile.fromJson(json).scenarios()).extracting(ScenarioEntry::status)
                    .containsExactly(Status.XFAIL, Status.FAIL);
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void badInputIsOneLineNamingTheFile() throws Exception {
        assertThatThrownBy(() -> ResultsFile.read(dir)).hasMessage(dir.resolve("results.json")
                + ": no such file (is it a --report directory of check?)");
        Path f = dir.resolve("x.json");
        Files.writeString(f, "{\"schemaVersion\": 9, \"target\": {}, \"scenarios\": []}");
        assertThatThrownBy(() -> ResultsFile.read(f)).hasMessageContaining(f + ": not a results file (schemaVersion 9");
        Files.writeString(f, "<html>");
        assertThatThrownBy(() -> ResultsFile.read(f)).hasMessageStartingWith(f + ": not a results file");
        Files.writeString(f, "{\"schemaVersion\": 1, \"target\": {}, \"scenarios\": [{\"id\": \"DT-TCP-001\", \"status\": \"ok\"}]}");
        assertThatThrownBy(() -> ResultsFile.read(f)).hasMessage(f + ": not a results file (unknown status 'ok')");
    }
}
