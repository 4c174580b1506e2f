package dev.daytimeharness.conformance;

import dev.daytimeharness.conformance.report.ScenarioResult;
import dev.daytimeharness.conformance.report.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deviations an implementation's CI accepts for now ({@code --expected-failures FILE}): one
 * scenario ID a line, optionally followed by {@code flaky}, and {@code #} comments. A listed
 * scenario that fails is XFAIL and does not fail the run; one that passes is XPASS and does, so the
 * list never goes stale (connectrpc's conformance runner works the same way). A flaky one may do
 * either.
 *
 * @param file where the list came from, named in XPASS findings
 * @param listed each listed ID and whether it is flaky
 */
public record ExpectedFailures(String file, Map<String, Boolean> listed) {

    public ExpectedFailures {
        listed = Map.copyOf(listed);
    }

    public static ExpectedFailures none() {
        return new ExpectedFailures("", Map.of());
    }

    /**
     * Reads a list, checking every ID against the scenarios the harness has.
     *
     * @throws IllegalArgumentException with one line naming the file, the line and what is wrong
     */
    public static ExpectedFailures read(Path file, ScenarioIndex index) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        return parse(file.toString(), lines, index);
    }

    static ExpectedFailures parse(String file, List<String> lines, ScenarioIndex index) {
        Map<String, Boolean> listed = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = file + ":" + (i + 1) + ": ";
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String[] words = (hash < 0 ? line : line.substring(0, hash)).strip().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            String id = words[0];
            if (!index.contains(id)) {
                throw new IllegalArgumentException(where + "unknown scenario ID '" + id + "' (IDs look like DT-TCP-010;"
                        + " 'check --help' and the README list them)");
            }
            if (words.length > 2 || words.length == 2 && !words[1].equals("flaky")) {
                throw new IllegalArgumentException(where + "expected 'ID' or 'ID flaky', not '" + line.strip() + "'");
            }
            if (listed.containsKey(id)) {
                throw new IllegalArgumentException(where + id + " is listed twice");
            }
            listed.put(id, words.length == 2);
        }
        return new ExpectedFailures(file, listed);
    }

    /**
     * The verdict a scenario gets once the list is taken into account.
     *
     * @param id the scenario's ID
     * @param status its verdict on its own
     * @param finding its finding on its own
     */
    public Verdict judge(String id, Status status, String finding) {
        Boolean flaky = listed.get(id);
        if (flaky == null || status == Status.SKIP) {
            return new Verdict(status, finding);
        }
        if (status == Status.FAIL) {
            return new Verdict(Status.XFAIL, finding);
        }
        if (flaky) {
            return new Verdict(status, finding);
        }
        String passed = status == Status.WARN ? "passes with a warning (" + finding + ")" : "passes";
        return new Verdict(Status.XPASS, "listed as an expected failure but " + passed + " (remove it from " + file + ")");
    }

    /** A finished scenario's result once the list is taken into account. */
    public ScenarioResult apply(ScenarioResult r) {
        Verdict v = judge(r.id(), r.status(), r.reason());
        return v.status() == r.status() ? r : new ScenarioResult(r.id(), r.name(), v.status(), v.finding(), r.findings());
    }

    public Optional<Boolean> flaky(String id) {
        return Optional.ofNullable(listed.get(id));
    }

    /** A scenario's status and finding after the list. */
    public record Verdict(Status status, String finding) {}
}
