package dev.daytimeharness.faults.link;

import dev.daytimeharness.faults.ToxicSpec;
import dev.daytimeharness.faults.toxics.Flow;
import dev.daytimeharness.faults.toxics.Toxic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One toxic on one direction of one connection: Toxiproxy's ToxicStub. It holds the input the
 * toxic has not taken yet and gives the toxic one input at a time, the next only when the toxic
 * no longer waits; a wait is a timer on the connection's event loop, not a sleeping thread. What
 * the toxic passes on goes to the next stage, or after the last one to the destination socket.
 * Everything here runs on that event loop.
 */
final class Stage implements Flow {
    /** A chunk as read, stamped with when; {@code data == null} is the end of the stream. */
    record Input(byte[] data, long arrived) {
        static final Input END = new Input(null, 0);
    }

    private final Direction direction;
    private final ToxicSpec spec;
    private final Toxic.Run run;
    private final ArrayDeque<Input> input = new ArrayDeque<>();
    /** The stage after this one; null: the destination. Set by the direction when its chain changes. */
    Stage next;
    private boolean active = true;
    private boolean draining;
    /** What goes on once the toxic's wait is over, and the timer for it; null when it does not wait. */
    private Runnable waitingFor;
    private ScheduledFuture<?> wait;
    /** A wait already over (or never begun): runs before the toxic takes more input. */
    private Runnable ready;
    private final List<ScheduledFuture<?>> watchdogs = new ArrayList<>(0);

    Stage(Direction direction, ToxicSpec spec, Toxic.Run run) {
        this.direction = direction;
        this.spec = spec;
        this.run = run;
    }

    ToxicSpec spec() {
        return spec;
    }

    void attached() {
        run.attached(this);
    }

    void take(Input in) {
        input.add(in);
        if (in.data() != null) {
            direction.queued(in.data().length);
        }
        drain();
    }

    /**
     * Hands the toxic its input, one at a time, while it does not wait. Continuations run from
     * here too, never nested inside the toxic's call: a slicer's thousand slices are a loop, not
     * a stack a thousand frames deep.
     */
    private void drain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!direction.link().isClosed() && waitingFor == null) {
                Runnable go = ready;
                if (go != null) {
                    ready = null;
                    go.run();
                    continue;
                }
                Input in = input.poll();
                if (in == null) {
                    return;
                }
                if (in.data() == null) {
                    run.end(this);
                } else {
                    direction.queued(-in.data().length);
                    run.chunk(in.data(), in.arrived(), this);
                }
            }
        } finally {
            draining = false;
        }
    }

    /**
     * The toxic is off the proxy: what it waits for goes on now, the input it holds goes through
     * it without waiting, and then its cleanup, as Toxiproxy's RemoveToxic interrupts and flushes.
     */
    void remove() {
        active = false;
        watchdogs.forEach(w -> w.cancel(false));
        watchdogs.clear();
        if (waitingFor != null) {
            wait.cancel(false);
            ready = waitingFor;
            waitingFor = null;
        }
        drain();
        run.removed(this);
    }

    /** The connection has gone: nothing more will happen here. */
    void closed() {
        input.clear();
        ready = null;
        waitingFor = null;
        if (wait != null) {
            wait.cancel(false);
        }
        watchdogs.forEach(w -> w.cancel(false));
        watchdogs.clear();
    }

    @Override
    public void write(byte[] chunk) {
        if (next != null) {
            next.take(new Input(chunk, System.nanoTime()));
        } else {
            direction.deliver(chunk);
        }
    }

    @Override
    public void end() {
        if (next != null) {
            next.take(Input.END);
        } else {
            direction.endReached();
        }
    }

    @Override
    public void close() {
        direction.link().close();
    }

    @Override
    public void reset() {
        direction.link().reset();
    }

    @Override
    public boolean isClosed() {
        return direction.link().isClosed();
    }

    @Override
    public boolean isActive() {
        return active && direction.stillOn(spec);
    }

    @Override
    public void after(long nanos, Runnable then) {
        if (waitingFor != null || ready != null) {
            throw new IllegalStateException("toxic " + spec.name() + " waits twice at once");
        }
        if (isClosed()) {
            return;
        }
        if (nanos <= 0 || !active) {
            ready = then;
            drain();
            return;
        }
        waitingFor = then;
        wait = direction.link().loop().schedule(() -> {
            Runnable go = waitingFor;
            waitingFor = null;
            ready = go;
            drain();
        }, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public Runnable timer(long nanos, Runnable task) {
        if (isClosed() || !active) {
            return () -> { };
        }
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = direction.link().loop().schedule(() -> {
            watchdogs.remove(self[0]);
            if (active && !isClosed()) {
                task.run();
            }
        }, Math.max(0, nanos), TimeUnit.NANOSECONDS);
        watchdogs.add(self[0]);
        return () -> {
            self[0].cancel(false);
            watchdogs.remove(self[0]);
        };
    }
}
