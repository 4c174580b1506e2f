package dev.daytimeharness.faults;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;

/**
 * A network fault as the harness asks Toxiproxy for it, through toxiproxy-java. Units are
 * Toxiproxy's own: milliseconds, KB/s, bytes, and microseconds for the slicer's delay.
 */
public sealed interface Fault {
    /** Adds this fault to a proxy's toxics, on one direction. */
    void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException;

    /** Each chunk arrives {@code ms} later (plus or minus {@code jitter}). */
    record Latency(long ms, long jitter) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.latency(name, direction, ms).setJitter(jitter);
        }
    }

    /** At most {@code kbps} KB/s (of 1000 bytes) gets through; 0 is no limit, as in Toxiproxy. */
    record Bandwidth(long kbps) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.bandwidth(name, direction, kbps);
        }
    }

    /** The data passes; the close comes {@code ms} later. */
    record SlowClose(long ms) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.slowClose(name, direction, ms);
        }
    }

    /** Nothing passes; the stream ends when the server's does, or {@code ms} after the last data (0: only then). */
    record Timeout(long ms) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.timeout(name, direction, ms);
        }
    }

    /** The first data is swallowed and the connection reset {@code ms} later. */
    record ResetPeer(long ms) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.resetPeer(name, direction, ms);
        }
    }

    /** Data arrives in slices of about {@code bytes}, {@code delayMicros} apart. */
    record Slicer(long bytes, long variation, long delayMicros) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.slicer(name, direction, bytes, delayMicros).setSizeVariation(variation);
        }
    }

    /** The connection closes after {@code bytes} bytes. */
    record LimitData(long bytes) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.limitData(name, direction, bytes);
        }
    }
}
