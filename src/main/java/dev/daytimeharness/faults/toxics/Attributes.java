package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * A toxic's attributes as Toxiproxy's Go struct for it takes them: a missing number is zero, and
 * anything but an integer literal that fits is Go's type error. A number that fits Go but not a
 * connection is refused with its range (see {@code ApiLimits}).
 *
 * @param json the {@code attributes} object of the request, never null
 * @param struct the Go struct's name, for the error: {@code LatencyToxic}
 */
public record Attributes(JsonObject json, String struct) {
    /** Magnitudes past 2^31 - 1 overflow a connection's arithmetic; the README's API limits. */
    public static final long MAX = Integer.MAX_VALUE;

    /** A Go {@code int64} attribute within plus or minus {@link #MAX}. */
    public long number(String name) {
        return number(name, "int64");
    }

    /** As {@link #number(String)}, for a field Go declares as {@code goType} ({@code int} for the slicer). */
    public long number(String name, String goType) {
        long v = any(name, goType);
        if (v > MAX || v < -MAX) {
            throw new OutOfRange(name, -MAX, MAX);
        }
        return v;
    }

    /** A Go {@code int64} attribute within {@code min} and {@code max}, else refused with that range. */
    public long within(String name, long min, long max) {
        long v = any(name, "int64");
        if (v > max || v < min) {
            throw new OutOfRange(name, min, max);
        }
        return v;
    }

    /**
     * A Go {@code float64} attribute (packet_loss's {@code loss_rate}): any JSON number; a
     * missing one is 0, as Go's decoder leaves it.
     */
    public double fraction(String name) {
        JsonElement e = get(name);
        if (e == null) {
            return 0;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double v = Double.parseDouble(e.getAsString());
            if (Double.isFinite(v)) {
                return v;
            }
        }
        String kind = e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? "number " + e.getAsString()
                : e.isJsonObject() ? "object" : e.isJsonArray() ? "array"
                : e.getAsJsonPrimitive().isBoolean() ? "bool" : "string";
        throw new TypeMismatch("json: cannot unmarshal " + kind + " into Go struct field " + struct + ".attributes."
                + name + " of type float64");
    }

    /** A Go {@code int64} attribute over its whole range. */
    public long any(String name, String goType) {
        JsonElement e = get(name);
        if (e == null) {
            return 0;
        }
        String literal = e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsString() : null;
        try {
            if (literal != null) {
                return Long.parseLong(literal);
            }
        } catch (NumberFormatException notAnInt64) {
            // Go's words for it follow.
        }
        String kind = literal != null ? "number " + literal : e.isJsonObject() ? "object" : e.isJsonArray() ? "array"
                : e.getAsJsonPrimitive().isBoolean() ? "bool" : "string";
        throw new TypeMismatch("json: cannot unmarshal " + kind + " into Go struct field " + struct + ".attributes."
                + name + " of type " + goType);
    }

    private JsonElement get(String name) {
        JsonElement e = json.get(name);
        if (e == null) {
            for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    e = entry.getValue();
                }
            }
        }
        return e == null || e.isJsonNull() ? null : e;
    }

    /** An attribute Go would not decode, in Go's words. */
    public static final class TypeMismatch extends IllegalArgumentException {
        TypeMismatch(String message) {
            super(message);
        }
    }

    /** An attribute Go decodes but no connection could be given. */
    public static final class OutOfRange extends IllegalArgumentException {
        public final String name;
        public final long min;
        public final long max;

        OutOfRange(String name, long min, long max) {
            super(name + " must be between " + min + " and " + max);
            this.name = name;
            this.min = min;
            this.max = max;
        }
    }
}
