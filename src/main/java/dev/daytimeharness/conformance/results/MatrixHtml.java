package dev.daytimeharness.conformance.results;

import dev.daytimeharness.conformance.report.Status;
import dev.daytimeharness.conformance.results.Matrix.Column;
import dev.daytimeharness.conformance.results.Matrix.Group;
import dev.daytimeharness.conformance.results.Matrix.Row;
import dev.daytimeharness.protocol.Printable;
import java.util.Locale;
import java.util.Optional;

/**
 * A matrix as one self-contained HTML page: inline style, no scripts, no fonts or images to fetch,
 * so it opens from a CI artifact with no network. Each cell is coloured by status and carries the
 * finding both as a tooltip and written under the status.
 */
public final class MatrixHtml {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px;color:#1f2328}
            h1{font-size:20px;margin:0 0 4px}
            p.sub{margin:0 0 16px;color:#59636e;font-size:13px}
            table{border-collapse:collapse;font-size:13px}
            th,td{border:1px solid #d1d9e0;padding:4px 8px;vertical-align:top;text-align:left}
            thead th{background:#f6f8fa;max-width:260px}
            thead .meta{font-weight:normal;color:#59636e;font-size:12px}
            tr.feature th{background:#eef1f4;font-size:13px}
            td.id{font-family:ui-monospace,"DejaVu Sans Mono",monospace;white-space:nowrap}
            td.id .level{color:#59636e;font-size:11px;margin-left:4px}
            td.cell{max-width:260px}
            td.cell b{font-family:ui-monospace,"DejaVu Sans Mono",monospace}
            td.cell .finding{font-size:12px;margin-top:2px}
            .pass{background:#dafbe1}.pass b{color:#1a7f37}
            .warn{background:#fff8c5}.warn b{color:#9a6700}
            .fail{background:#ffebe9}.fail b{color:#cf222e}
            .skip{background:#f6f8fa}.skip b{color:#59636e}
            .xfail{background:#f3e8ff}.xfail b{color:#8250df}
            .xpass{background:#ffd8b5}.xpass b{color:#bc4c00}
            .none{color:#8c959f}
            """;

    private MatrixHtml() {}

    public static String render(Matrix m, String title) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style></head>\n<body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"sub\">RFC 867 daytime conformance, ")
                .append(m.columns().size()).append(m.columns().size() == 1 ? " target" : " targets").append(", ")
                .append(m.groups().stream().mapToInt(g -> g.rows().size()).sum()).append(" scenarios</p>\n");
        h.append("<table>\n<thead><tr><th colspan=\"2\">scenario</th>");
        for (Column c : m.columns()) {
            h.append("<th>").append(esc(c.label())).append(heading(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Group g : m.groups()) {
            h.append("<tr class=\"feature\"><th colspan=\"").append(m.columns().size() + 2).append("\">")
                    .append(esc(g.feature().isEmpty() ? "(no feature)" : g.feature())).append("</th></tr>\n");
            for (Row row : g.rows()) {
                h.append("<tr><td class=\"id\">").append(esc(row.id())).append("<span class=\"level\">")
                        .append(esc(row.level())).append("</span></td><td>").append(esc(row.name())).append("</td>");
                for (Column c : m.columns()) {
                    h.append(cell(m.cell(c, row.id())));
                }
                h.append("</tr>\n");
            }
        }
        h.append("</tbody></table>\n</body></html>\n");
        return h.toString();
    }

    private static String heading(Column c) {
        RunResults r = c.run();
        StringBuilder h = new StringBuilder("<div class=\"meta\">");
        if (!r.target().description().equals(c.label())) {
            h.append(esc(r.target().description())).append("<br>");
        }
        h.append("profile: ").append(esc(r.observed().map(ObservedProfile::summary).orElse("no reply read"))).append("<br>");
        r.declared().ifPresent(d -> h.append("declared: ").append(esc(String.join("+", d.transports().stream().sorted().toList())
                + d.format().map(f -> ", " + f).orElse("") + d.lineEnding().map(l -> ", " + l).orElse("")
                + d.zone().map(z -> ", " + z).orElse(""))).append("<br>"));
        h.append("harness ").append(esc(r.harnessVersion())).append(", exit ").append(r.exitCode()).append("<br>")
                .append(esc(summary(r))).append("</div>");
        return h.toString();
    }

    /** Counts of a run's verdicts, the nonzero ones only: {@code 18 pass, 2 warn, 1 skip}. */
    static String summary(RunResults r) {
        StringBuilder s = new StringBuilder();
        for (Status st : Status.values()) {
            long n = r.scenarios().stream().filter(e -> e.status() == st).count();
            if (n > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(n).append(' ').append(ResultsFile.name(st));
            }
        }
        return s.isEmpty() ? "no scenarios" : s.toString();
    }

    private static String cell(Optional<ScenarioEntry> entry) {
        if (entry.isEmpty()) {
            return "<td class=\"cell none\">not run</td>";
        }
        ScenarioEntry e = entry.get();
        String css = e.status().name().toLowerCase(Locale.ROOT);
        StringBuilder c = new StringBuilder("<td class=\"cell ").append(css).append('"');
        if (!e.finding().isEmpty()) {
            c.append(" title=\"").append(esc(e.finding())).append('"');
        }
        c.append("><b>").append(e.status().name()).append("</b>");
        if (!e.finding().isEmpty()) {
            c.append("<div class=\"finding\">").append(esc(e.finding())).append("</div>");
        }
        return c.append("</td>").toString();
    }

    /** Escapes text for HTML content and attributes; findings quote bytes from the network. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : Printable.escape(s).toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch < 0x20 ? ' ' : ch);
            }
        }
        return out.toString();
    }
}
