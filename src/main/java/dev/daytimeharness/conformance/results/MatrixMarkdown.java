package dev.daytimeharness.conformance.results;

import dev.daytimeharness.conformance.results.Matrix.Column;
import dev.daytimeharness.conformance.results.Matrix.Group;
import dev.daytimeharness.conformance.results.Matrix.Row;
import java.util.Optional;

/**
 * A matrix as a GitHub-flavoured Markdown table, what a CI job writes into its step summary.
 * Markdown has no tooltips, so a cell's finding follows its status.
 */
public final class MatrixMarkdown {
    private MatrixMarkdown() {}

    public static String render(Matrix m, String title) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(cell(title)).append("\n\n");
        md.append("| scenario |");
        m.columns().forEach(c -> md.append(' ').append(cell(c.label())).append(" |"));
        md.append("\n| --- |");
        m.columns().forEach(c -> md.append(" --- |"));
        md.append("\n| *profile* |");
        m.columns().stream().map(Column::run).forEach(r -> md.append(' ').append(cell(r.observed().map(ObservedProfile::summary).orElse("no reply read")))
                .append(" |"));
        md.append("\n| *harness* |");
        m.columns().stream().map(Column::run).forEach(r -> md.append(' ').append(cell(r.harnessVersion() + ", exit " + r.exitCode())).append(" |"));
        md.append("\n| *summary* |");
        m.columns().stream().map(Column::run).forEach(r -> md.append(' ').append(cell(MatrixHtml.summary(r))).append(" |"));
        md.append('\n');
        for (Group g : m.groups()) {
            for (Row row : g.rows()) {
                md.append("| `").append(row.id()).append("` ").append(cell(row.name())).append(" |");
                for (Column c : m.columns()) {
                    md.append(' ').append(verdict(m.cell(c, row.id()))).append(" |");
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    private static String verdict(Optional<ScenarioEntry> entry) {
        if (entry.isEmpty()) {
            return "not run";
        }
        ScenarioEntry e = entry.get();
        String status = "**" + e.status().name() + "**";
        return e.finding().isEmpty() ? status : status + " " + cell(e.finding());
    }

    /** Text made safe inside a table cell: no pipes, no line breaks, no HTML. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("`", "\\`").replaceAll("[\\r\\n\\t]", " ");
    }
}
