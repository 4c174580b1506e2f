package dev.daytimeharness.faults.toxics;

import com.google.gson.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry of toxic types by the names Toxiproxy's API uses, each with the name of its Go
 * struct (for Go's error messages). A new toxic is one line here.
 */
public final class ToxicTypes {
    private record Type(String struct, Function<Attributes, Toxic> make) {}

    private static final Map<String, Type> TYPES = Map.of(
            "latency", new Type("LatencyToxic", Latency::from),
            "bandwidth", new Type("BandwidthToxic", Bandwidth::from),
            "slow_close", new Type("SlowCloseToxic", SlowClose::from),
            "timeout", new Type("TimeoutToxic", Timeout::from),
            "reset_peer", new Type("ResetToxic", ResetPeer::from),
            "slicer", new Type("SlicerToxic", Slicer::from),
            "limit_data", new Type("LimitDataToxic", LimitData::from),
            // Toxiproxy master (PR #739), in no release yet: an extension of the 2.12 API.
            "packet_loss", new Type("PacketLossToxic", PacketLoss::from),
            "noop", new Type("NoopToxic", Noop::from));

    private ToxicTypes() {}

    public static boolean known(String type) {
        return TYPES.containsKey(type);
    }

    /** A toxic's attributes as the API shows them: every one, by its snake_case name, in its Go field order. */
    public static JsonObject attributes(Object toxic) {
        JsonObject json = new JsonObject();
        for (var component : toxic.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(toxic);
                json.addProperty(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT),
                        (Number) value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("toxic " + toxic + " has an unreadable attribute", e);
            }
        }
        return json;
    }

    /**
     * The toxic for a known type name and its attributes. Throws {@link Attributes.TypeMismatch}
     * or {@link Attributes.OutOfRange} for attributes it cannot take.
     */
    public static Optional<Toxic> create(String type, JsonObject attributes) {
        return Optional.ofNullable(TYPES.get(type))
                .map(t -> t.make().apply(new Attributes(attributes == null ? new JsonObject() : attributes, t.struct())));
    }

    /** The Go struct's name, as Go's type errors name it: {@code toxics.LatencyToxic}. */
    public static String struct(String type) {
        return TYPES.containsKey(type) ? TYPES.get(type).struct() : "NoopToxic";
    }
}
