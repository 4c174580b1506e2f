package dev.daytimeharness.cli;

import java.util.Locale;

/**
 * An error message as the one line it must be: a newline or escape byte that came in with the
 * user's input (a host, a path) is shown escaped, so it can neither split the line nor drive the
 * terminal.
 */
final class OneLine {
    private OneLine() {}

    static String of(String message) {
        StringBuilder out = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
