package dev.daytimeharness.cli;

import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;

/** Checks a --tags expression before any scenario runs, so a typo is a usage error, not a crash. */
final class TagOption {
    private TagOption() {}

    static void validate(String tags) {
        if (tags == null) {
            return;
        }
        try {
            TagExpressionParser.parse(tags);
        } catch (TagExpressionException e) {
            throw UserError.usage("bad --tags expression '" + tags + "': " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
