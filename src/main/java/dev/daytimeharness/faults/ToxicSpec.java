package dev.daytimeharness.faults;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.daytimeharness.faults.api.ApiError;
import dev.daytimeharness.faults.api.ApiLimits;
import dev.daytimeharness.faults.datagrams.DatagramToxic;
import dev.daytimeharness.faults.datagrams.DatagramToxics;
import dev.daytimeharness.faults.toxics.Attributes;
import dev.daytimeharness.faults.toxics.Toxic;
import dev.daytimeharness.faults.toxics.ToxicTypes;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A toxic as the API knows it.
 *
 * @param name unique on its proxy; {@code <type>_<stream>} when none (or an empty one) is given
 * @param type the toxic type, e.g. {@code latency}
 * @param stream {@code downstream} (server to client) or {@code upstream} (client to server), as the client wrote it
 * @param toxicity the chance that a connection gets this toxic, decided once per connection; as
 *     in Toxiproxy, any float: 0 or less never, 1 or more always. On a UDP proxy it is decided
 *     for each datagram.
 * @param toxic the toxic itself, with its attributes; null on a UDP proxy
 * @param datagrams the toxic a UDP proxy applies to datagrams; null on a TCP proxy
 */
public record ToxicSpec(String name, String type, String stream, float toxicity, Toxic toxic, DatagramToxic datagrams) {
    private static final String WRAPPER = "ToxicWrapper";

    /** As Toxiproxy's ToxicWrapper marshals: attributes first, then name, type, stream, toxicity. */
    public JsonObject json() {
        JsonObject json = new JsonObject();
        json.add("attributes", ToxicTypes.attributes(toxic != null ? toxic : datagrams));
        json.addProperty("name", name);
        json.addProperty("type", type);
        json.addProperty("stream", stream);
        json.addProperty("toxicity", toxicity);
        return json;
    }

    public boolean downstream() {
        return stream.toLowerCase(Locale.ROOT).equals("downstream");
    }

    /**
     * A new toxic from a {@code POST /proxies/P/toxics} body, checked in Toxiproxy's order.
     *
     * @param udp whether the proxy is a UDP one, which takes the datagram toxics instead
     */
    static ToxicSpec create(JsonObject body, java.util.function.Predicate<String> taken, boolean udp) {
        String name = Fields.string(body, WRAPPER, "name", "");
        String type = Fields.string(body, WRAPPER, "type", "");
        String stream = Fields.string(body, WRAPPER, "stream", "downstream");
        float toxicity = Fields.float32(body, WRAPPER, "toxicity", 1f);
        String direction = stream.toLowerCase(Locale.ROOT);
        if (!direction.equals("downstream") && !direction.equals("upstream")) {
            throw ApiError.INVALID_STREAM.with();
        }
        if (name.isEmpty()) {
            name = type + "_" + stream;
        }
        if (!ToxicTypes.known(type) && !(udp && DatagramToxics.known(type))) {
            throw ApiError.INVALID_TYPE.with();
        }
        if (udp && !DatagramToxics.known(type)) {
            throw ApiError.NOT_FOR_DATAGRAMS.with(type);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > ApiLimits.MAX_NAME) {
            throw ApiError.NAME_TOO_LONG.with(ApiLimits.MAX_NAME);
        }
        if (taken.test(name)) {
            throw ApiError.TOXIC_EXISTS.with();
        }
        return made(name, type, stream, toxicity, attributes(body, WRAPPER, "NoopToxic"), udp);
    }

    /** This toxic after a {@code PATCH}: new toxicity, attributes merged over the old ones. */
    ToxicSpec update(JsonObject body) {
        String anonymous = "";
        float newToxicity = Fields.float32(body, anonymous, "toxicity", toxicity);
        boolean udp = datagrams != null;
        JsonObject merged = ToxicTypes.attributes(udp ? datagrams : toxic);
        String struct = udp ? DatagramToxics.struct(type) : ToxicTypes.struct(type);
        attributes(body, anonymous, struct).entrySet().forEach(e -> merged.add(e.getKey(), e.getValue()));
        return made(name, type, stream, newToxicity, merged, udp);
    }

    private static ToxicSpec made(String name, String type, String stream, float toxicity, JsonObject attributes,
                                  boolean udp) {
        try {
            return udp
                    ? new ToxicSpec(name, type, stream, toxicity, null, DatagramToxics.create(type, attributes)
                            .orElseThrow(() -> ApiError.INVALID_TYPE.with()))
                    : new ToxicSpec(name, type, stream, toxicity, toxic(type, attributes), null);
        } catch (Attributes.OutOfRange e) {
            throw ApiError.OUT_OF_RANGE.with(e.name, e.min, e.max);
        } catch (Attributes.TypeMismatch e) {
            throw ApiError.BAD_BODY.with(e.getMessage());
        }
    }

    /**
     * The {@code attributes} object. Toxiproxy decodes a new toxic's body into a wrapper whose
     * toxic is still a NoopToxic, an update's into the toxic itself: its type errors name those.
     */
    private static JsonObject attributes(JsonObject body, String struct, String goType) {
        JsonElement a = Fields.get(body, "attributes");
        if (a == null) {
            return new JsonObject();
        }
        if (!a.isJsonObject()) {
            throw ApiError.BAD_BODY.with("json: cannot unmarshal " + Fields.kind(a) + " into Go struct field " + struct
                    + ".attributes of type toxics." + goType);
        }
        return a.getAsJsonObject();
    }

    private static Toxic toxic(String type, JsonObject attributes) {
        try {
            return ToxicTypes.create(type, attributes).orElseThrow(() -> ApiError.INVALID_TYPE.with());
        } catch (Attributes.OutOfRange e) {
            throw ApiError.OUT_OF_RANGE.with(e.name, e.min, e.max);
        } catch (Attributes.TypeMismatch e) {
            throw ApiError.BAD_BODY.with(e.getMessage());
        }
    }
}
