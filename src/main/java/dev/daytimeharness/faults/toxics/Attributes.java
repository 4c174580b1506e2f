package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads a toxic's attributes as Toxiproxy does: missing numbers are zero, wrong types are errors. */
public final class Attributes {
    private Attributes() {}

    public static long number(JsonObject attributes, String name) {
        JsonElement e = attributes == null ? null : attributes.get(name);
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("attribute " + name + " must be a number");
        }
        return e.getAsLong();
    }
}
