package dev.daytimeharness.faults;

import eu.rekawek.toxiproxy.model.ToxicDirection;
import eu.rekawek.toxiproxy.model.ToxicList;
import java.io.IOException;

/**
 * A network fault as the harness asks Toxiproxy for it, through toxiproxy-java. Each record is one
 * toxic type and its components are that toxic's attributes, named as Toxiproxy's API names them
 * ({@code rate}, {@code average_size}, ...), in its units: milliseconds, KB/s, bytes, and
 * microseconds for the slicer's delay.
 */
public sealed interface Fault {
    /** Adds this fault to a proxy's toxics, on one direction. */
    void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException;

    /** {@code latency}: each chunk arrives {@code latency} ms later (plus or minus {@code jitter} ms). */
    record Latency(long latency, long jitter) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.latency(name, direction, latency).setJitter(jitter);
        }
    }

    /** {@code bandwidth}: at most {@code rate} KB/s (of 1000 bytes) gets through; 0 is no limit, as in Toxiproxy. */
    record Bandwidth(long rate) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.bandwidth(name, direction, rate);
        }
    }

    /** {@code slow_close}: the data passes; the close comes {@code delay} ms later. */
    record SlowClose(long delay) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.slowClose(name, direction, delay);
        }
    }

    /**
     * {@code timeout}: nothing passes; the stream ends when the server's does, or {@code timeout} ms
     * after the last data (0: only then).
     */
    record Timeout(long timeout) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.timeout(name, direction, timeout);
        }
    }

    /** {@code reset_peer}: the first data is swallowed and the connection reset {@code timeout} ms later. */
    record ResetPeer(long timeout) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.resetPeer(name, direction, timeout);
        }
    }

    /**
     * {@code slicer}: data arrives in slices of {@code average_size} bytes, give or take
     * {@code size_variation}, {@code delay} microseconds apart.
     */
    record Slicer(long averageSize, long sizeVariation, long delay) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.slicer(name, direction, averageSize, delay).setSizeVariation(sizeVariation);
        }
    }

    /** {@code limit_data}: the connection closes after {@code bytes} bytes. */
    record LimitData(long bytes) implements Fault {
        @Override
        public void addTo(ToxicList toxics, String name, ToxicDirection direction) throws IOException {
            toxics.limitData(name, direction, bytes);
        }
    }
}
