package dev.daytimeharness.faults.datagrams;

import com.google.gson.JsonObject;
import dev.daytimeharness.faults.toxics.Attributes;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The toxic types a UDP proxy takes, by the API's names, each with its Go struct's name (for Go's
 * error messages). Toxiproxy's names and units where it has the toxic; {@code duplicate} is ours.
 * A stream's toxics (slicer, slow_close, reset_peer) have no meaning for datagrams and are refused.
 */
public final class DatagramToxics {
    private record Type(String struct, Function<Attributes, DatagramToxic> make) {}

    private static final Map<String, Type> TYPES = Map.of(
            "latency", new Type("LatencyToxic", Latency::from),
            "packet_loss", new Type("PacketLossToxic", PacketLoss::from),
            "duplicate", new Type("DuplicateToxic", Duplicate::from),
            "limit_data", new Type("LimitDataToxic", LimitData::from),
            "timeout", new Type("TimeoutToxic", Timeout::from),
            "bandwidth", new Type("BandwidthToxic", Bandwidth::from),
            "noop", new Type("NoopToxic", Noop::from));

    private DatagramToxics() {}

    public static boolean known(String type) {
        return TYPES.containsKey(type);
    }

    /** The toxic for a known type; throws {@link Attributes.TypeMismatch} or {@link Attributes.OutOfRange}. */
    public static Optional<DatagramToxic> create(String type, JsonObject attributes) {
        return Optional.ofNullable(TYPES.get(type))
                .map(t -> t.make().apply(new Attributes(attributes == null ? new JsonObject() : attributes, t.struct())));
    }

    public static String struct(String type) {
        return TYPES.containsKey(type) ? TYPES.get(type).struct() : "NoopToxic";
    }
}
