package dev.daytimeharness.protocol;

import java.util.Optional;

/**
 * The facts a conformance check needs about the bytes a daytime server sent.
 * An unrecognised format is a fact ({@code timestamp} empty), never an exception.
 *
 * @param length bytes in the reply
 * @param chars what kinds of bytes it holds
 * @param lineCount non-blank lines
 * @param lineEnding how those lines end
 * @param leadingBlankLines blank lines before the first text (NIST sends one)
 * @param trailingBlankLines blank lines after the last text
 * @param text the reply's text with line endings, NULs and surrounding blanks removed
 * @param timestamp the time read from the text, if its format was recognised
 */
public record ReplyFacts(int length, CharClasses chars, int lineCount, LineEnding lineEnding,
                         int leadingBlankLines, int trailingBlankLines, String text,
                         Optional<Timestamp> timestamp) {
    public boolean formatRecognised() {
        return timestamp.isPresent();
    }
}
