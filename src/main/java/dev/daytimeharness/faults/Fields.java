package dev.daytimeharness.faults;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daytimeharness.faults.api.ApiError;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads request bodies as Toxiproxy's Go structs take them: a field matches its key exactly or
 * case-insensitively, {@code null} leaves the default, and a value of the wrong kind is Go's
 * {@code json: cannot unmarshal string into Go struct field Proxy.enabled of type bool}.
 */
public final class Fields {
    private Fields() {}

    /** The body as an object; anything else is the error Go gives for it. */
    public static JsonObject object(JsonElement e, String struct) {
        if (e == null || e.isJsonNull()) {
            return new JsonObject();
        }
        if (!e.isJsonObject()) {
            throw ApiError.BAD_BODY.with("json: cannot unmarshal " + kind(e) + " into Go value of type " + struct);
        }
        return e.getAsJsonObject();
    }

    public static String string(JsonObject body, String struct, String field, String fallback) {
        JsonElement e = get(body, field);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw mismatch(e, struct, field, "string");
        }
        return e.getAsString();
    }

    public static boolean bool(JsonObject body, String struct, String field, boolean fallback) {
        JsonElement e = get(body, field);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw mismatch(e, struct, field, "bool");
        }
        return e.getAsBoolean();
    }

    /** A Go {@code int64} (or {@code int}): an integer literal that fits, never {@code 1e3} or {@code 1.5}. */
    public static long int64(JsonObject body, String struct, String field, String goType, long fallback) {
        JsonElement e = get(body, field);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw mismatch(e, struct, field, goType);
        }
        String literal = e.getAsJsonPrimitive().getAsString();
        try {
            return Long.parseLong(literal);
        } catch (NumberFormatException tooBigOrNotInteger) {
            throw ApiError.BAD_BODY.with("json: cannot unmarshal number " + literal + " into Go struct field "
                    + struct + "." + field + " of type " + goType);
        }
    }

    /** A Go {@code float32}: any number that is finite as a float. */
    public static float float32(JsonObject body, String struct, String field, float fallback) {
        JsonElement e = get(body, field);
        if (e == null) {
            return fallback;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw mismatch(e, struct, field, "float32");
        }
        String literal = e.getAsJsonPrimitive().getAsString();
        float f = new BigDecimal(literal).floatValue();
        if (Float.isInfinite(f)) {
            throw ApiError.BAD_BODY.with("json: cannot unmarshal number " + literal + " into Go struct field "
                    + struct + "." + field + " of type float32");
        }
        return f;
    }

    /** The value under {@code field}, matched as Go matches keys; {@code null} counts as absent. */
    public static JsonElement get(JsonObject body, String field) {
        String name = field.substring(field.lastIndexOf('.') + 1);
        JsonElement e = body.get(name);
        if (e == null) {
            for (Map.Entry<String, JsonElement> entry : body.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    e = entry.getValue();
                }
            }
        }
        return e == null || e.isJsonNull() ? null : e;
    }

    private static ApiError.Failure mismatch(JsonElement e, String struct, String field, String goType) {
        return ApiError.BAD_BODY.with("json: cannot unmarshal " + kind(e) + " into Go struct field " + struct + "."
                + field + " of type " + goType);
    }

    /** How Go names a JSON value's kind in its type errors. */
    public static String kind(JsonElement e) {
        if (e.isJsonObject()) {
            return "object";
        }
        if (e.isJsonArray()) {
            return "array";
        }
        if (e.getAsJsonPrimitive().isBoolean()) {
            return "bool";
        }
        return e.getAsJsonPrimitive().isNumber() ? "number" : "string";
    }
}
