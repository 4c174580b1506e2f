package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.conformance.ConformanceRun;
import io.cucumber.core.backend.ObjectFactory;
import io.cucumber.core.runtime.ObjectFactorySupplier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link WorldFactory} per Cucumber runner thread. A factory holds the scenario its thread is
 * running, so threads must not share one; and a thread's runner asks the supplier more than once
 * (for its glue and for its scenarios) and must get the same one each time. Cucumber runs a
 * runner's scenarios on that runner's thread, one after another.
 */
public final class WorldFactories implements ObjectFactorySupplier {
    private final ConformanceRun run;
    private final Map<Thread, WorldFactory> byThread = new ConcurrentHashMap<>();

    public WorldFactories(ConformanceRun run) {
        this.run = run;
    }

    @Override
    public ObjectFactory get() {
        return byThread.computeIfAbsent(Thread.currentThread(), t -> new WorldFactory(run));
    }
}
