package dev.daytimeharness.conformance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.daytimeharness.protocol.LineEnding;
import dev.daytimeharness.protocol.ReplyFormat;
import dev.daytimeharness.protocol.ReplyFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an implementation claims about itself ({@code --profile FILE}), so the run judges it by its
 * own promises: a transport it does not claim is skipped, a format other than the declared one
 * fails, and a timestamp without a zone is read in the declared zone. For example:
 * <pre>{"transports": ["tcp", "udp"], "udpPort": 13, "format": "xinetd", "lineEnding": "CRLF", "zone": "UTC"}</pre>
 *
 * @param transports {@code tcp}, {@code udp} or both
 * @param udpPort where it answers UDP, when it claims UDP and says where
 * @param format the format name the parser reports for its replies ({@link #formats()})
 * @param lineEnding how its lines end
 * @param zone the zone its timestamps are in
 */
public record DeclaredProfile(Set<String> transports, Optional<Integer> udpPort, Optional<String> format,
                              Optional<LineEnding> lineEnding, Optional<ZoneId> zone) {

    /** The format names the reply parser reports, the only ones a profile can meaningfully declare. */
    public static List<String> formats() {
        return ReplyFormats.ALL.stream().map(ReplyFormat::name).distinct().toList();
    }

    private static final String KEYS = "transports, udpPort, format, lineEnding, zone";

    public DeclaredProfile {
        transports = Set.copyOf(transports);
    }

    public boolean claims(String transport) {
        return transports.contains(transport);
    }

    /**
     * Reads a profile file.
     *
     * @throws IllegalArgumentException with one line naming the file and what is wrong with it
     */
    public static DeclaredProfile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read it (" + e.getMessage() + ")");
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
    }

    /** Reads a profile from its JSON text. */
    public static DeclaredProfile parse(String json) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("a profile is a JSON object, e.g. {\"transports\": [\"tcp\"]}");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not JSON (" + firstLine(e) + ")");
        }
        for (String key : o.keySet()) {
            if (!List.of(KEYS.split(", ")).contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' (known: " + KEYS + ")");
            }
        }
        Set<String> transports = transports(o);
        Optional<Integer> udpPort = o.has("udpPort") ? Optional.of(port(o.get("udpPort"))) : Optional.empty();
        if (udpPort.isPresent() && !transports.contains("udp")) {
            throw new IllegalArgumentException("udpPort is given but transports has no \"udp\"");
        }
        Optional<String> format = Optional.ofNullable(string(o, "format"));
        if (format.isPresent() && !formats().contains(format.get())) {
            throw new IllegalArgumentException("unknown format '" + format.get() + "' (one of " + String.join(", ", formats()) + ")");
        }
        return new DeclaredProfile(transports, udpPort, format, lineEnding(string(o, "lineEnding")),
                zone(string(o, "zone")));
    }

    private static Set<String> transports(JsonObject o) {
        if (!o.has("transports")) {
            return Set.of("tcp");
        }
        if (!o.get("transports").isJsonArray() || o.getAsJsonArray("transports").isEmpty()) {
            throw new IllegalArgumentException("transports is a non-empty list, e.g. [\"tcp\", \"udp\"]");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonElement t : o.getAsJsonArray("transports")) {
            String name = t.isJsonPrimitive() ? t.getAsString().toLowerCase(Locale.ROOT) : "";
            if (!name.equals("tcp") && !name.equals("udp")) {
                throw new IllegalArgumentException("unknown transport " + t + " (tcp or udp)");
            }
            out.add(name);
        }
        return out;
    }

    private static int port(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double p = e.getAsDouble();
            if (p >= 1 && p <= 65535 && p == Math.rint(p)) {
                return (int) p;
            }
        }
        throw new IllegalArgumentException("udpPort must be a port between 1 and 65535, not " + e);
    }

    private static Optional<LineEnding> lineEnding(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LineEnding.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown lineEnding '" + text + "' (CRLF, LF, LFCR, CR or NONE)");
        }
    }

    private static Optional<ZoneId> zone(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(text));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown zone '" + text + "' (try UTC, Europe/Berlin or +02:00)");
        }
    }

    private static String string(JsonObject o, String key) {
        if (!o.has(key)) {
            return null;
        }
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException(key + " must be a string, not " + e);
        }
        return e.getAsString();
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
