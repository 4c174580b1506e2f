package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's CI recipe, run as written: each {@code run:} line of its YAML goes to bash, with
 * {@code ./daytime-harness} this build and every implementation the reference server. What a CI
 * runner would do around them is done here: the artifacts are copied where the download step puts
 * them, and the last release's results, which {@code gh} would fetch, are an earlier run's. Every
 * command must exit as the recipe expects and leave the files the next step reads.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CiRecipeTest {
    private static final Pattern RUN = Pattern.compile("^(\\s*)- run: (.*)$");

    @TempDir
    Path work;

    @Test
    void theRecipesCommandsRunAsWrittenAgainstTheReferenceServer() throws Exception {
        String yaml = recipe();
        List<String> runs = runs(yaml);
        Matcher impls = Pattern.compile("impl: \\[(.*)]").matcher(yaml);
        assertThat(impls.find()).as("the recipe's matrix of implementations").isTrue();
        List<String> implementations = List.of(impls.group(1).split(",\\s*"));
        assertThat(runs).as("the recipe's steps").hasSize(5);
        String start = runs.get(0);
        String check = runs.get(1);
        String release = runs.get(2);
        String matrix = runs.get(3);
        String diff = runs.get(4);
        assertThat(release).startsWith("gh release download");
        assertThat(check).contains("127.0.0.1:1313");

        wrapper();
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            String address = "127.0.0.1:" + server.start();
            for (String impl : implementations) {
                Files.createDirectories(work.resolve("ci"));
                write("ci/start-" + impl + ".sh", "#!/bin/sh\n# the test serves the reference server already\n");
                work.resolve("ci/start-" + impl + ".sh").toFile().setExecutable(true);
                write("ci/" + impl + ".known", "# nothing is expected to fail\n");
                write("ci/" + impl + ".json", "{\"transports\": [\"tcp\", \"udp\"], \"zone\": \"UTC\"}\n");
                for (String step : List.of(start, check)) {
                    assertThat(bash(step.replace("${{ matrix.impl }}", impl).replace("127.0.0.1:1313", address)))
                            .as(step).isZero();
                }
                Path out = work.resolve("out").resolve(impl);
                assertThat(out.resolve("results.json")).exists();
                assertThat(out.resolve("report.html")).exists();
                // upload-artifact, then download-artifact with pattern results-*: one folder per artifact.
                copy(out, work.resolve("results").resolve("results-" + impl));
                // What gh would fetch: the last release's results, here an earlier run of the same server.
                copy(out, work.resolve("last-release").resolve(impl));
            }
        }
        assertThat(bash(matrix)).as(matrix).isZero();
        assertThat(work.resolve("matrix.html")).exists();
        String summary = Files.readString(work.resolve("summary.md"), StandardCharsets.UTF_8);
        assertThat(summary).contains("DT-TCP-001").contains("DT-UDP-001");
        assertThat(bash(diff)).as(diff).isZero();
    }

    /** The YAML block under the README's "A CI recipe". */
    private static String recipe() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("### A CI recipe");
        assertThat(section).as("the README has a CI recipe").isNotNegative();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** Each {@code run:} command; a folded one ({@code >}) joined into one line, as YAML does. */
    static List<String> runs(String yaml) {
        List<String> out = new ArrayList<>();
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RUN.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String command = m.group(2).strip();
            if (command.equals(">")) {
                StringBuilder folded = new StringBuilder();
                while (i + 1 < lines.size() && indent(lines.get(i + 1)) > m.group(1).length() + 2) {
                    folded.append(folded.length() == 0 ? "" : " ").append(lines.get(++i).strip());
                }
                command = folded.toString();
            }
            out.add(command.replaceAll("\\s+#.*$", ""));
        }
        return out;
    }

    private static int indent(String line) {
        return line.isBlank() ? Integer.MAX_VALUE : line.length() - line.stripLeading().length();
    }

    /** {@code ./daytime-harness} as this build: the classes Maven compiled, in a JVM of their own. */
    private void wrapper() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        write("daytime-harness", "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' dev.daytimeharness.cli.Main \"$@\"\n");
        work.resolve("daytime-harness").toFile().setExecutable(true);
    }

    private int bash(String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("step.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("GITHUB_STEP_SUMMARY", work.resolve("summary.md").toString());
        env.remove("TOXIPROXY_URL");
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the step did not end within 120 s: " + command);
        }
        System.out.println("$ " + command + "\n" + Files.readString(work.resolve("step.log")));
        return p.exitValue();
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(work.resolve(file), text, StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
