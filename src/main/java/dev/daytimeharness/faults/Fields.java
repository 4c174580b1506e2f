package dev.daytimeharness.faults;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daytimeharness.faults.api.ApiError;

/** Reads request bodies, failing with the API's own errors. */
public final class Fields {
    private Fields() {}

    public static JsonObject object(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            throw ApiError.BAD_BODY.with();
        }
        return e.getAsJsonObject();
    }

    public static String required(JsonObject body, String field) {
        String value = optional(body, field, "");
        if (value.isEmpty()) {
            throw ApiError.MISSING_FIELD.with(field);
        }
        return value;
    }

    public static String optional(JsonObject body, String field, String fallback) {
        JsonElement e = body.get(field);
        if (e == null || e.isJsonNull()) {
            return fallback;
        }
        if (!e.isJsonPrimitive()) {
            throw ApiError.BAD_BODY.with();
        }
        return e.getAsString();
    }
}
