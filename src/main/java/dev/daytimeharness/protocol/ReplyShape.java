package dev.daytimeharness.protocol;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The layout of a reply: its kinds of bytes, its lines and how they end. */
record ReplyShape(CharClasses chars, List<String> lines, LineEnding lineEnding,
                  int leadingBlankLines, int trailingBlankLines) {

    static ReplyShape of(byte[] reply) {
        int printable = 0;
        int breaks = 0;
        int control = 0;
        int nul = 0;
        int nonAscii = 0;
        for (byte b : reply) {
            int v = b & 0xFF;
            if (v >= 0x20 && v < 0x7F) {
                printable++;
            } else if (v == '\r' || v == '\n') {
                breaks++;
            } else if (v == 0) {
                nul++;
            } else if (v >= 0x80) {
                nonAscii++;
            } else {
                control++;
            }
        }
        return split(reply, new CharClasses(printable, breaks, control, nul, nonAscii));
    }

    /** Splits on CR LF, LF CR, LF and CR, remembering which endings were seen. */
    private static ReplyShape split(byte[] reply, CharClasses chars) {
        List<String> segments = new ArrayList<>();
        Set<LineEnding> seen = EnumSet.noneOf(LineEnding.class);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < reply.length; i++) {
            int v = reply[i] & 0xFF;
            if (v != '\r' && v != '\n') {
                line.append(v == 0 ? "" : String.valueOf((char) v));
                continue;
            }
            int next = i + 1 < reply.length ? reply[i + 1] & 0xFF : -1;
            if (v == '\r' && next == '\n') {
                seen.add(LineEnding.CRLF);
                i++;
            } else if (v == '\n' && next == '\r') {
                seen.add(LineEnding.LFCR);
                i++;
            } else {
                seen.add(v == '\n' ? LineEnding.LF : LineEnding.CR);
            }
            segments.add(line.toString());
            line.setLength(0);
        }
        if (!line.isEmpty()) {
            segments.add(line.toString());
        }
        return layout(segments, chars, seen);
    }

    private static ReplyShape layout(List<String> segments, CharClasses chars, Set<LineEnding> seen) {
        List<String> text = new ArrayList<>();
        int leading = 0;
        int blanksSinceText = 0;
        for (String s : segments) {
            if (s.isBlank()) {
                if (text.isEmpty()) {
                    leading++;
                } else {
                    blanksSinceText++;
                }
            } else {
                text.add(s.strip());
                blanksSinceText = 0;
            }
        }
        LineEnding ending = seen.isEmpty() ? LineEnding.NONE
                : seen.size() == 1 ? seen.iterator().next() : LineEnding.MIXED;
        return new ReplyShape(chars, text, ending, text.isEmpty() ? 0 : leading, blanksSinceText);
    }
}
