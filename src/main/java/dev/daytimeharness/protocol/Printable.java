package dev.daytimeharness.protocol;

/**
 * Text from the network made safe to show a person. A server's reply, a client's output or a
 * name from a report can hold ESC sequences that repaint a terminal (a fake green {@code PASS}
 * line), a BEL, a NUL, a CR that overwrites the line, or a Unicode override that reverses it. Each
 * such character is written as a visible escape instead: {@code \e}, {@code \r}, {@code \n},
 * {@code \t}, {@code \0}, {@code \x07}, {@code \u202e}. Printable text passes unchanged, so an
 * escaped message says exactly what was received. JSON has its own escaping and needs none of this.
 */
public final class Printable {
    private Printable() {}

    /** {@code text} with every control and format character escaped: always one line. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escaped = escaped(c);
            if (escaped != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(escaped == null ? String.valueOf(c) : escaped);
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * As {@link #escape}, but line endings stay as they came, CR LF or LF: for printing a reply as
     * the lines it was, byte for byte where it was harmless. A CR alone, which would return to the
     * start of the line and overwrite it, is escaped.
     */
    public static String keepingLines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (c == '\n' || crlf) {
                out.append(escape(text.substring(from, i))).append(crlf ? "\r\n" : "\n");
                i += crlf ? 1 : 0;
                from = i + 1;
            }
        }
        return out.append(escape(text.substring(from))).toString();
    }

    /** True when {@link #escape} would change {@code c}. */
    public static boolean needsEscape(char c) {
        return escaped(c) != null;
    }

    private static String escaped(char c) {
        switch (c) {
            case '\r': return "\\r";
            case '\n': return "\\n";
            case '\t': return "\\t";
            case 0: return "\\0";
            case 0x1b: return "\\e";
            default: break;
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format(java.util.Locale.ROOT, "\\x%02x", (int) c);
        }
        // C1 controls (0x9b is a one-byte CSI to some terminals), and format characters such as the
        // bidirectional overrides, line and paragraph separators, and zero-width characters.
        int type = Character.getType(c);
        if ((c >= 0x80 && c <= 0x9f) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return String.format(java.util.Locale.ROOT, "\\u%04x", (int) c);
        }
        return null;
    }
}
