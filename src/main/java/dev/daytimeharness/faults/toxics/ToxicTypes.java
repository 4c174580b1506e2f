package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The registry of toxic types by the names Toxiproxy's API uses. A new toxic is one line here. */
public final class ToxicTypes {
    private static final Map<String, Function<JsonObject, Toxic>> TYPES = Map.of(
            "latency", Latency::from,
            "bandwidth", Bandwidth::from,
            "slow_close", SlowClose::from,
            "timeout", Timeout::from,
            "reset_peer", ResetPeer::from,
            "slicer", Slicer::from,
            "limit_data", LimitData::from,
            "noop", Noop::from);

    private ToxicTypes() {}

    /** A toxic's attributes as the API shows them: every one, by its snake_case name. */
    public static JsonObject attributes(Toxic toxic) {
        JsonObject json = new JsonObject();
        for (var component : toxic.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(toxic);
                json.addProperty(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(), (Number) value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("toxic " + toxic + " has an unreadable attribute", e);
            }
        }
        return json;
    }

    /** The toxic for a type name and its attributes; empty for a type Toxiproxy does not know. */
    public static Optional<Toxic> create(String type, JsonObject attributes) {
        return Optional.ofNullable(TYPES.get(type)).map(f -> f.apply(attributes == null ? new JsonObject() : attributes));
    }
}
