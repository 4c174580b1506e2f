package dev.daytimeharness.conformance.results;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.daytimeharness.conformance.DeclaredProfile;
import dev.daytimeharness.conformance.report.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code results.json}: the schema, its writer and its reader. Version 1:
 * <pre>
 * schemaVersion   1
 * harnessVersion  the harness that judged, e.g. "0.1.0"
 * target          {kind, address, description}
 * started         ISO-8601 instant; durationMs the run's length
 * settings        {strict, skewMs, maxReply, zone, tags, expectedFailures}
 * observed        {format, lineEnding, zone, zoneAssumed, closes}, absent when no reply was read
 * profile         the declared profile echoed: {transports, udpPort, format, lineEnding, zone}, or absent
 * exit            {code, meaning}; exitCodes the whole table
 * summary         counts by status: {pass, warn, fail, skip, xfail, xpass}
 * scenarios       [{id, name, feature, level (must|should|compat),
 *                   status (pass|warn|fail|skip|xfail|xpass), finding}]
 * </pre>
 * Statuses and keys are lower-case ASCII whatever the machine's locale.
 */
public final class ResultsFile {
    public static final String NAME = "results.json";

    private ResultsFile() {}

    /** Writes the results whole or not at all. */
    public static void write(RunResults results, Path file) throws IOException {
        WholeFile.write(file, toJson(results) + "\n");
    }

    public static String toJson(RunResults r) {
        JsonObject o = new JsonObject();
        o.addProperty("schemaVersion", RunResults.SCHEMA_VERSION);
        o.addProperty("harnessVersion", r.harnessVersion());
        JsonObject target = new JsonObject();
        target.addProperty("kind", r.target().kind());
        target.addProperty("address", r.target().address());
        target.addProperty("description", r.target().description());
        o.add("target", target);
        o.addProperty("started", r.started().toString());
        o.addProperty("durationMs", r.duration().toMillis());
        o.add("settings", settings(r.settings()));
        r.observed().ifPresent(p -> o.add("observed", observed(p)));
        r.declared().ifPresent(p -> o.add("profile", declared(p)));
        JsonObject exit = new JsonObject();
        exit.addProperty("code", r.exitCode());
        exit.addProperty("meaning", RunResults.exitCodes().getOrDefault(r.exitCode(), ""));
        o.add("exit", exit);
        JsonObject codes = new JsonObject();
        new TreeMap<>(RunResults.exitCodes()).forEach((k, v) -> codes.addProperty(String.valueOf(k), v));
        o.add("exitCodes", codes);
        JsonObject summary = new JsonObject();
        for (Status s : Status.values()) {
            summary.addProperty(name(s), r.scenarios().stream().filter(e -> e.status() == s).count());
        }
        o.add("summary", summary);
        JsonArray scenarios = new JsonArray();
        for (ScenarioEntry e : r.scenarios()) {
            JsonObject s = new JsonObject();
            s.addProperty("id", e.id());
            s.addProperty("name", e.name());
            s.addProperty("feature", e.feature());
            s.addProperty("level", e.level());
            s.addProperty("status", name(e.status()));
            s.addProperty("finding", e.finding());
            scenarios.add(s);
        }
        o.add("scenarios", scenarios);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }

    /**
     * Reads a results file, or the {@code results.json} in a report directory.
     *
     * @throws IllegalArgumentException with one line naming the file and what is wrong with it
     */
    public static RunResults read(Path fileOrDir) {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(NAME) : fileOrDir;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file"
                    + (Files.isDirectory(fileOrDir) ? " (is it a --report directory of check?)" : ""));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        try {
            return fromJson(text);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException
                 | ClassCastException | JsonParseException | DateTimeParseException e) {
            throw new IllegalArgumentException(file + ": not a results file (" + firstLine(e) + ")");
        }
    }

    public static RunResults fromJson(String text) {
        JsonElement root = JsonParser.parseString(text);
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("a JSON object was expected");
        }
        JsonObject o = root.getAsJsonObject();
        if (!o.has("schemaVersion")) {
            throw new IllegalArgumentException("no schemaVersion");
        }
        int version = o.get("schemaVersion").getAsInt();
        if (version < 1 || version > RunResults.SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + version + " is not one this harness reads (it reads "
                    + RunResults.SCHEMA_VERSION + "; a newer harness wrote it?)");
        }
        JsonObject t = required(o, "target").getAsJsonObject();
        TargetEntry target = new TargetEntry(text(t, "kind"), text(t, "address"), text(t, "description"));
        List<ScenarioEntry> scenarios = new ArrayList<>();
        for (JsonElement e : required(o, "scenarios").getAsJsonArray()) {
            JsonObject s = e.getAsJsonObject();
            scenarios.add(new ScenarioEntry(required(s, "id").getAsString(), text(s, "name"), text(s, "feature"),
                    text(s, "level"), status(required(s, "status").getAsString()), text(s, "finding")));
        }
        return new RunResults(text(o, "harnessVersion"), target,
                o.has("started") ? Instant.parse(o.get("started").getAsString()) : Instant.EPOCH,
                Duration.ofMillis(o.has("durationMs") ? o.get("durationMs").getAsLong() : 0),
                settings(o.has("settings") ? o.getAsJsonObject("settings") : new JsonObject()),
                o.has("observed") ? Optional.of(observed(o.getAsJsonObject("observed"))) : Optional.empty(),
                o.has("profile") ? Optional.of(DeclaredProfile.parse(o.get("profile").toString())) : Optional.empty(),
                o.has("exit") ? required(o.getAsJsonObject("exit"), "code").getAsInt() : 0,
                scenarios);
    }

    /** A status as the schema spells it: {@code pass}, {@code xfail} ... */
    public static String name(Status s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    static Status status(String text) {
        for (Status s : Status.values()) {
            if (name(s).equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "'");
    }

    private static JsonObject settings(VerdictSettings s) {
        JsonObject o = new JsonObject();
        o.addProperty("strict", s.strict());
        o.addProperty("skewMs", s.skew().toMillis());
        o.addProperty("maxReply", s.maxReply());
        o.addProperty("zone", s.zone());
        o.addProperty("tags", s.tags());
        o.addProperty("expectedFailures", s.expectedFailures());
        return o;
    }

    private static VerdictSettings settings(JsonObject o) {
        return new VerdictSettings(o.has("strict") && o.get("strict").getAsBoolean(),
                Duration.ofMillis(o.has("skewMs") ? o.get("skewMs").getAsLong() : 0),
                o.has("maxReply") ? o.get("maxReply").getAsInt() : 0,
                text(o, "zone"), text(o, "tags"), text(o, "expectedFailures"));
    }

    private static JsonObject observed(ObservedProfile p) {
        JsonObject o = new JsonObject();
        o.addProperty("format", p.format());
        o.addProperty("lineEnding", p.lineEnding());
        o.addProperty("zone", p.zone());
        o.addProperty("zoneAssumed", p.zoneAssumed());
        o.addProperty("closes", p.closes());
        return o;
    }

    private static ObservedProfile observed(JsonObject o) {
        return new ObservedProfile(text(o, "format"), text(o, "lineEnding"), text(o, "zone"),
                o.has("zoneAssumed") && o.get("zoneAssumed").getAsBoolean(), text(o, "closes"));
    }

    private static JsonObject declared(DeclaredProfile p) {
        JsonObject o = new JsonObject();
        JsonArray transports = new JsonArray();
        p.transports().stream().sorted().forEach(transports::add);
        o.add("transports", transports);
        p.udpPort().ifPresent(port -> o.addProperty("udpPort", port));
        p.format().ifPresent(f -> o.addProperty("format", f));
        p.lineEnding().ifPresent(l -> o.addProperty("lineEnding", l.name()));
        p.zone().ifPresent(z -> o.addProperty("zone", z.getId()));
        return o;
    }

    private static JsonElement required(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("no " + key);
        }
        return e;
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
