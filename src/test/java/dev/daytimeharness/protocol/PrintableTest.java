package dev.daytimeharness.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("probe")
class PrintableTest {

    @Test
    void aFakeGreenPassLineIsShownAsTheBytesItIs() {
        String hostile = "\u001b[32mPASS\u001b[0m DT-TCP-001\u0007";
        assertThat(Printable.escape(hostile)).isEqualTo("\\e[32mPASS\\e[0m DT-TCP-001\\x07");
    }

    @Test
    void nulCrLfTabAndDeleteAreEscapedAndTheResultIsOneLine() {
        assertThat(Printable.escape("a\0b\r\nc\td\u007f")).isEqualTo("a\\0b\\r\\nc\\td\\x7f").doesNotContain("\n");
    }

    @Test
    void c1ControlsAndBidirectionalOverridesAreEscaped() {
        assertThat(Printable.escape("x\u009b31my\u202ez\u2028")).isEqualTo("x\\u009b31my\\u202ez\\u2028");
    }

    @Test
    void printableTextIncludingNonAsciiLettersPassesUnchanged() {
        String text = "Tue Nov 24 10:00:00 2026 Zürich, Москва, 東京 \\e";
        assertThat(Printable.escape(text)).isSameAs(text);
    }

    @Test
    void escapingTwiceChangesNothingMore() {
        String once = Printable.escape("\u001b]0;title\u0007");
        assertThat(Printable.escape(once)).isEqualTo(once);
    }

    @Test
    void keepingLinesLeavesLineEndingsButEscapesALoneCarriageReturn() {
        assertThat(Printable.keepingLines("one\r\ntwo\nthree\rover\u001b[2K\r\n"))
                .isEqualTo("one\r\ntwo\nthree\\rover\\e[2K\r\n");
    }
}
