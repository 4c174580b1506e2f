package dev.daytimeharness.conformance.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixHtmlTest {
    private static final Matrix MATRIX = Matrix.of(List.of(
            Runs.of("127.0.0.1:10013", "DT-TCP-001 PASS", "DT-TCP-010 WARN ends with \"<LF>\" & more", "DT-UDP-001 PASS"),
            Runs.of("127.0.0.1:10014", "DT-TCP-001 PASS", "DT-TCP-010 FAIL nope")));

    @Test
    void targetsAreColumnsScenariosAreRowsGroupedByFeature() {
        assertThat(MATRIX.groups()).extracting(Matrix.Group::feature).containsExactly("Replies", "UDP");
        String html = MatrixHtml.render(MATRIX, "Interop");
        assertThat(html).contains("<th>127.0.0.1:10013<div class=\"meta\">").contains("<th>127.0.0.1:10014")
                .contains("harness 1.2.3").contains("profile: ctime, CRLF, UTC (assumed), closed")
                .contains("<td class=\"id\">DT-UDP-001").contains("<td class=\"cell none\">not run</td>");
    }

    @Test
    void eachCellIsColouredByStatusWithItsFindingAsTooltipEscaped() {
        String html = MatrixHtml.render(MATRIX, "Interop");
        assertThat(html).contains("<td class=\"cell warn\" title=\"ends with &quot;&lt;LF&gt;&quot; &amp; more\"><b>WARN</b>")
                .contains("<td class=\"cell fail\" title=\"nope\"><b>FAIL</b>")
                .doesNotContain("<LF>");
    }

    @Test
    void thePageFetchesNothing() {
        String html = MatrixHtml.render(MATRIX, "Interop");
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("<link")
                .doesNotContain("@import").doesNotContain("url(").doesNotContain("http");
    }

    @Test
    void theMarkdownIsOneTableWithFindingsInTheCellsAndNoBrokenPipes() {
        String md = MatrixMarkdown.render(Matrix.of(List.of(Runs.of("a:13", "DT-TCP-010 WARN a | b"))), "Interop");
        assertThat(md).contains("| scenario | a:13 |").contains("| `DT-TCP-010` scenario DT-TCP-010 | **WARN** a \\| b |")
                .contains("| *summary* | 1 warn |");
    }
}
