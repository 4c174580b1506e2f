package dev.daytimeharness.faults.link;

import dev.daytimeharness.faults.Metrics;
import dev.daytimeharness.faults.ToxicSpec;
import dev.daytimeharness.faults.toxics.Flow;
import dev.daytimeharness.faults.toxics.Toxic;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Moves one direction of a connection, chunk by chunk, through the toxics on that stream. The
 * toxics are looked up again for every chunk, so a toxic added to the proxy reaches connections
 * already open; whether a toxic affects this connection at all is decided once, by its toxicity.
 */
final class Pump implements Runnable {
    private static final int CHUNK = 32 * 1024;

    private final Link link;
    private final InputStream from;
    private final OutputStream to;
    private final boolean downstream;
    private final Supplier<List<ToxicSpec>> toxics;
    private final Metrics.Counters counters;
    private final Map<ToxicSpec, Toxic.Run> runs = new HashMap<>();
    private volatile boolean ended;

    Pump(Link link, InputStream from, OutputStream to, boolean downstream, Supplier<List<ToxicSpec>> toxics,
         Metrics.Counters counters) {
        this.link = link;
        this.from = from;
        this.to = to;
        this.downstream = downstream;
        this.toxics = toxics;
        this.counters = counters;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[CHUNK];
        // Toxiproxy starts a connection's toxics when it links it, timers and all.
        chain();
        try {
            while (!link.isClosed() && !ended) {
                int n;
                try {
                    n = from.read(buffer);
                } catch (IOException e) {
                    if (!link.sourceClosedByProxy(downstream)) {
                        throw e;
                    }
                    // The other direction ended and the proxy closed this side, as Toxiproxy's link
                    // does: for the toxics here that is this stream's end.
                    n = -1;
                }
                long arrived = System.nanoTime();
                List<Stage> chain = chain();
                if (n < 0) {
                    new Step(chain, 0).end();
                    return;
                }
                counters.received().add(n);
                new Step(chain, 0).write(Arrays.copyOf(buffer, n), arrived);
            }
        } catch (IOException e) {
            // One side went away: the whole connection goes.
            link.close();
        }
    }

    private List<Stage> chain() {
        List<Stage> chain = new ArrayList<>();
        List<ToxicSpec> current = toxics.get();
        for (ToxicSpec spec : current) {
            if (spec.downstream() != downstream) {
                continue;
            }
            // Keyed by the spec itself: an updated toxic is a new spec, and rolls its toxicity again.
            boolean fresh = !runs.containsKey(spec);
            Toxic.Run run = runs.computeIfAbsent(spec, k ->
                    ThreadLocalRandom.current().nextFloat() < spec.toxicity() ? spec.toxic().open() : null);
            if (run != null) {
                chain.add(new Stage(spec, run));
                if (fresh) {
                    run.attached(new Step(chain, chain.size()));
                }
            }
        }
        return chain;
    }

    private record Stage(ToxicSpec spec, Toxic.Run run) {}

    /** The flow after toxic {@code index}: the next toxic, or the destination socket. */
    private final class Step implements Flow {
        private final List<Stage> chain;
        private final int index;

        Step(List<Stage> chain, int index) {
            this.chain = chain;
            this.index = index;
        }

        void write(byte[] data, long arrived) throws IOException {
            if (ended) {
                return;
            }
            if (index < chain.size()) {
                chain.get(index).run().chunk(data, arrived, new Step(chain, index + 1));
            } else {
                to.write(data);
                to.flush();
                counters.sent().add(data.length);
            }
        }

        @Override
        public void write(byte[] data) throws IOException {
            write(data, System.nanoTime());
        }

        @Override
        public void end() throws IOException {
            if (index < chain.size()) {
                chain.get(index).run().end(new Step(chain, index + 1));
            } else if (!ended) {
                // Nothing more goes this way, whatever the source still sends.
                ended = true;
                link.ended(downstream);
            }
        }

        @Override
        public void close() {
            link.close();
        }

        @Override
        public void reset() {
            link.reset();
        }

        @Override
        public boolean isClosed() {
            return link.isClosed();
        }

        @Override
        public boolean isActive() {
            // The toxic that handed on this flow is the one before it in the chain.
            return index == 0 || toxics.get().contains(chain.get(index - 1).spec());
        }
    }
}
