package dev.daytimeharness.faults.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * JSON read and written as Go's {@code encoding/json} does, because Toxiproxy's clients see Go's
 * bytes: a request body is the first JSON value in it (Go's {@code Decoder} ignores what follows),
 * a syntax error is worded as Go words it ({@code unexpected EOF}, {@code invalid character 'o' in
 * literal null (expecting 'u')}), and an answer escapes {@code <>&} and writes {@code 1}, not
 * {@code 1.0}.
 */
public final class GoJson {
    private final String text;
    private int at;

    private GoJson(String text) {
        this.text = text;
    }

    /** The first JSON value of {@code body}; a Go-worded {@link SyntaxError} when there is none. */
    public static JsonElement decode(String body) {
        GoJson scanner = new GoJson(body);
        scanner.skipSpace();
        if (scanner.at >= body.length()) {
            throw new SyntaxError("EOF");
        }
        int start = scanner.at;
        scanner.value();
        // Validated above, so Gson's lenient reading cannot accept anything Go would refuse.
        return JsonParser.parseString(body.substring(start, scanner.at));
    }

    /** A body Go's decoder refuses, with Go's message. */
    public static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private void value() {
        char c = next("looking for beginning of value");
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    at--;
                    number();
                } else {
                    throw invalid(c, "looking for beginning of value");
                }
            }
        }
    }

    private void object() {
        skipSpace();
        if (peek() == '}') {
            at++;
            return;
        }
        while (true) {
            skipSpace();
            char c = next("looking for beginning of object key string");
            if (c != '"') {
                throw invalid(c, "looking for beginning of object key string");
            }
            string();
            skipSpace();
            c = next("after object key");
            if (c != ':') {
                throw invalid(c, "after object key");
            }
            skipSpace();
            value();
            skipSpace();
            c = next("after object key:value pair");
            if (c == '}') {
                return;
            }
            if (c != ',') {
                throw invalid(c, "after object key:value pair");
            }
        }
    }

    private void array() {
        skipSpace();
        if (peek() == ']') {
            at++;
            return;
        }
        while (true) {
            skipSpace();
            value();
            skipSpace();
            char c = next("after array element");
            if (c == ']') {
                return;
            }
            if (c != ',') {
                throw invalid(c, "after array element");
            }
        }
    }

    private void string() {
        while (true) {
            char c = next("in string literal");
            if (c == '"') {
                return;
            }
            if (c < 0x20) {
                throw invalid(c, "in string literal");
            }
            if (c == '\\') {
                char e = next("in string escape code");
                if (e == 'u') {
                    for (int i = 0; i < 4; i++) {
                        char h = next("in \\u hexadecimal character escape");
                        if (Character.digit(h, 16) < 0) {
                            throw invalid(h, "in \\u hexadecimal character escape");
                        }
                    }
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw invalid(e, "in string escape code");
                }
            }
        }
    }

    private void number() {
        if (peek() == '-') {
            at++;
        }
        char c = next("in numeric literal");
        if (c < '0' || c > '9') {
            throw invalid(c, "in numeric literal");
        }
        if (c != '0') {
            digits();
        }
        if (peek() == '.') {
            at++;
            char d = next("after decimal point in numeric literal");
            if (d < '0' || d > '9') {
                throw invalid(d, "after decimal point in numeric literal");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            char d = next("in exponent of numeric literal");
            if (d < '0' || d > '9') {
                throw invalid(d, "in exponent of numeric literal");
            }
            digits();
        }
    }

    private void digits() {
        while (peek() >= '0' && peek() <= '9') {
            at++;
        }
    }

    private void literal(String word) {
        for (int i = 1; i < word.length(); i++) {
            String context = "in literal " + word + " (expecting " + quote(word.charAt(i)) + ")";
            char c = next(context);
            if (c != word.charAt(i)) {
                throw invalid(c, context);
            }
        }
    }

    private void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    /** The next character; the end of the body here is Go's {@code unexpected EOF}. */
    private char next(String context) {
        if (at >= text.length()) {
            throw new SyntaxError("unexpected EOF");
        }
        return text.charAt(at++);
    }

    private static SyntaxError invalid(char c, String context) {
        return new SyntaxError("invalid character " + quote(c) + " " + context);
    }

    /** Go's {@code quoteChar}: {@code 'x'}, {@code '\''}, {@code '"'}, {@code '\x01'}. */
    private static String quote(char c) {
        if (c == '\'') {
            return "'\\''";
        }
        if (c == '"') {
            return "'\"'";
        }
        if (c < 0x20 || c == 0x7f) {
            String named = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.format(Locale.ROOT, "\\x%02x", (int) c);
            };
            return "'" + named + "'";
        }
        return "'" + c + "'";
    }

    /** {@code element} as Go's {@code json.Marshal} writes it: compact, HTML-safe, Go's numbers. */
    public static String encode(JsonElement element) {
        StringBuilder out = new StringBuilder();
        write(element, out);
        return out.toString();
    }

    private static void write(JsonElement e, StringBuilder out) {
        if (e == null || e.isJsonNull()) {
            out.append("null");
        } else if (e instanceof JsonObject o) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonElement> field : o.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                writeString(field.getKey(), out);
                out.append(':');
                write(field.getValue(), out);
            }
            out.append('}');
        } else if (e instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(a.get(i), out);
            }
            out.append(']');
        } else {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isString()) {
                writeString(p.getAsString(), out);
            } else if (p.isBoolean()) {
                out.append(p.getAsBoolean());
            } else {
                out.append(number(p.getAsNumber()));
            }
        }
    }

    /** Go writes a float32 in the fewest digits that read back the same, and no {@code .0}. */
    private static String number(Number n) {
        if (n instanceof Float f) {
            return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
        }
        if (n instanceof Double d) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        if (n instanceof BigDecimal b) {
            return b.toPlainString();
        }
        return n.toString();
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
