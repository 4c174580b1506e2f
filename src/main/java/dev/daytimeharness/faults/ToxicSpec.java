package dev.daytimeharness.faults;

import com.google.gson.JsonObject;
import dev.daytimeharness.faults.toxics.Toxic;
import dev.daytimeharness.faults.toxics.ToxicTypes;

/**
 * A toxic as the API knows it.
 *
 * @param name unique on its proxy; {@code <type>_<stream>} by default
 * @param type the toxic type, e.g. {@code latency}
 * @param stream {@code downstream} (server to client) or {@code upstream} (client to server)
 * @param toxicity the chance, from 0 to 1, that a connection gets this toxic; decided once per connection
 * @param toxic the toxic itself, with its attributes
 */
public record ToxicSpec(String name, String type, String stream, double toxicity, Toxic toxic) {

    public JsonObject json() {
        JsonObject json = new JsonObject();
        json.addProperty("name", name);
        json.addProperty("type", type);
        json.addProperty("stream", stream);
        json.addProperty("toxicity", toxicity);
        json.add("attributes", ToxicTypes.attributes(toxic));
        return json;
    }

    public boolean downstream() {
        return stream.equals("downstream");
    }
}
