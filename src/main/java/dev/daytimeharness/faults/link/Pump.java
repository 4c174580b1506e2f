package dev.daytimeharness.faults.link;

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
    private final Map<String, Toxic.Run> runs = new HashMap<>();

    Pump(Link link, InputStream from, OutputStream to, boolean downstream, Supplier<List<ToxicSpec>> toxics) {
        this.link = link;
        this.from = from;
        this.to = to;
        this.downstream = downstream;
        this.toxics = toxics;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[CHUNK];
        try {
            while (!link.isClosed()) {
                int n = from.read(buffer);
                long arrived = System.nanoTime();
                List<Stage> chain = chain();
                if (n < 0) {
                    new Step(chain, 0).end();
                    return;
                }
                new Step(chain, 0).write(Arrays.copyOf(buffer, n), arrived);
            }
        } catch (IOException e) {
            // One side went away: the whole connection goes.
            link.close();
        }
    }

    private List<Stage> chain() {
        List<Stage> chain = new ArrayList<>();
        for (ToxicSpec spec : toxics.get()) {
            if (spec.downstream() != downstream) {
                continue;
            }
            Toxic.Run run = runs.computeIfAbsent(spec.name() + "#" + System.identityHashCode(spec), k ->
                    ThreadLocalRandom.current().nextDouble() < spec.toxicity() ? spec.toxic().open() : null);
            if (run != null) {
                chain.add(new Stage(spec, run));
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
            if (index < chain.size()) {
                chain.get(index).run().chunk(data, arrived, new Step(chain, index + 1));
            } else {
                to.write(data);
                to.flush();
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
            } else {
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
