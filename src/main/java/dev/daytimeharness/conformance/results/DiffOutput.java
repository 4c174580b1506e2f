package dev.daytimeharness.conformance.results;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.daytimeharness.conformance.results.ResultsDiff.Change;
import dev.daytimeharness.conformance.results.ResultsDiff.Kind;
import dev.daytimeharness.protocol.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A diff as a person reads it (one line a change, then the counts) and as a program reads it (JSON). */
public final class DiffOutput {
    private DiffOutput() {}

    public static List<String> lines(ResultsDiff diff, RunResults before, RunResults after) {
        List<String> out = new ArrayList<>();
        out.add("old: " + heading(before));
        out.add("new: " + heading(after));
        if (!before.settings().equals(after.settings())) {
            out.add("note: the two runs were judged under different settings (" + settings(before.settings())
                    + " / " + settings(after.settings()) + ")");
        }
        for (Change c : diff.changes()) {
            String label = c.worse() && c.kind() == Kind.STATUS ? "WORSE" : label(c.kind());
            out.add(String.format(Locale.ROOT, "%-13s %-11s %s: %s", label, c.id(), c.name(), what(c)));
        }
        out.add(String.format(Locale.ROOT, "%d newly failing, %d fixed, %d changed status, %d changed finding, %d gone%s",
                diff.count(Kind.NEWLY_FAILING), diff.count(Kind.FIXED), diff.count(Kind.STATUS),
                diff.count(Kind.FINDING), diff.count(Kind.GONE), diff.worse() ? ": worse" : ""));
        // A results.json may come from anywhere, and its findings quote servers: show it escaped.
        return out.stream().map(Printable::escape).toList();
    }

    public static String json(ResultsDiff diff, RunResults before, RunResults after) {
        JsonObject o = new JsonObject();
        o.addProperty("old", before.target().description() + " (harness " + before.harnessVersion() + ", " + before.started() + ")");
        o.addProperty("new", after.target().description() + " (harness " + after.harnessVersion() + ", " + after.started() + ")");
        o.addProperty("worse", diff.worse());
        JsonObject counts = new JsonObject();
        for (Kind k : Kind.values()) {
            counts.addProperty(key(k), diff.count(k));
        }
        o.add("counts", counts);
        JsonArray changes = new JsonArray();
        for (Change c : diff.changes()) {
            JsonObject j = new JsonObject();
            j.addProperty("id", c.id());
            j.addProperty("name", c.name());
            j.addProperty("kind", key(c.kind()));
            j.addProperty("worse", c.worse());
            c.before().ifPresent(s -> j.add("old", verdict(s)));
            c.after().ifPresent(s -> j.add("new", verdict(s)));
            changes.add(j);
        }
        o.add("changes", changes);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }

    private static JsonObject verdict(ScenarioEntry s) {
        JsonObject o = new JsonObject();
        o.addProperty("status", ResultsFile.name(s.status()));
        o.addProperty("finding", s.finding());
        return o;
    }

    /** A kind as JSON spells it: {@code newly-failing}, {@code fixed} ... */
    static String key(Kind k) {
        return k.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String label(Kind k) {
        return switch (k) {
            case NEWLY_FAILING -> "NEWLY FAILING";
            case FIXED -> "FIXED";
            case STATUS -> "CHANGED";
            case FINDING -> "FINDING";
            case GONE -> "GONE";
        };
    }

    private static String what(Change c) {
        String then = c.before().map(DiffOutput::verdictText).orElse("(did not run)");
        String now = c.after().map(DiffOutput::verdictText).orElse("(did not run)");
        return then + " -> " + now;
    }

    private static String verdictText(ScenarioEntry s) {
        String status = s.status().name();
        return s.finding().isEmpty() ? status : status + " \"" + s.finding() + "\"";
    }

    private static String heading(RunResults r) {
        return r.target().description() + ", harness " + r.harnessVersion() + ", " + r.started();
    }

    private static String settings(VerdictSettings s) {
        return String.format(Locale.ROOT, "strict %s, skew %d ms, max-reply %d, zone %s, tags '%s'%s",
                s.strict(), s.skew().toMillis(), s.maxReply(), s.zone(), s.tags(),
                Optional.of(s.expectedFailures()).filter(f -> !f.isEmpty()).map(f -> ", expected failures " + f).orElse(""));
    }
}
