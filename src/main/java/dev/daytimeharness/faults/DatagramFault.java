package dev.daytimeharness.faults;

import com.google.gson.JsonObject;

/**
 * A fault on a UDP proxy, as the harness asks for it: a toxic type and its attributes, in the
 * embedded Toxiproxy's UDP extension (README, "UDP proxies"). Each acts on every datagram alone.
 */
public sealed interface DatagramFault {
    /** The toxic's type, as the API names it. */
    String type();

    /** Its attributes, with the API's names and units. */
    JsonObject attributes();

    /** Each datagram is lost with probability {@code rate} (more likely right after a loss, by {@code correlation}). */
    record Loss(double rate, double correlation) implements DatagramFault {
        @Override
        public String type() {
            return "packet_loss";
        }

        @Override
        public JsonObject attributes() {
            JsonObject a = new JsonObject();
            a.addProperty("loss_rate", rate);
            a.addProperty("correlation", correlation);
            return a;
        }
    }

    /** Each datagram is sent once and then {@code copies} more times. */
    record Duplicate(int copies) implements DatagramFault {
        @Override
        public String type() {
            return "duplicate";
        }

        @Override
        public JsonObject attributes() {
            JsonObject a = new JsonObject();
            a.addProperty("copies", copies);
            return a;
        }
    }

    /** Each datagram leaves {@code ms} later, plus or minus up to {@code jitter} ms, drawn per datagram. */
    record Latency(long ms, long jitter) implements DatagramFault {
        @Override
        public String type() {
            return "latency";
        }

        @Override
        public JsonObject attributes() {
            JsonObject a = new JsonObject();
            a.addProperty("latency", ms);
            a.addProperty("jitter", jitter);
            return a;
        }
    }

    /** Each datagram is cut to its first {@code bytes} bytes. */
    record Truncate(long bytes) implements DatagramFault {
        @Override
        public String type() {
            return "limit_data";
        }

        @Override
        public JsonObject attributes() {
            JsonObject a = new JsonObject();
            a.addProperty("bytes", bytes);
            return a;
        }
    }

    /** At most {@code kbps} KB/s (of 1000 bytes) gets through. */
    record Bandwidth(long kbps) implements DatagramFault {
        @Override
        public String type() {
            return "bandwidth";
        }

        @Override
        public JsonObject attributes() {
            JsonObject a = new JsonObject();
            a.addProperty("rate", kbps);
            return a;
        }
    }

    /** Every datagram is dropped. */
    record Blackhole() implements DatagramFault {
        @Override
        public String type() {
            return "timeout";
        }

        @Override
        public JsonObject attributes() {
            JsonObject a = new JsonObject();
            a.addProperty("timeout", 0);
            return a;
        }
    }
}
