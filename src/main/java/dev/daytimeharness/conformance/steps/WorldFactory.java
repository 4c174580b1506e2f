package dev.daytimeharness.conformance.steps;

import dev.daytimeharness.conformance.ConformanceRun;
import io.cucumber.core.backend.ObjectFactory;
import java.util.LinkedHashSet;
import java.util.Set;
import org.picocontainer.DefaultPicoContainer;
import org.picocontainer.MutablePicoContainer;
import org.picocontainer.behaviors.Caching;

/**
 * Cucumber's object factory for a conformance run: for every scenario a fresh PicoContainer makes
 * one {@link ScenarioWorld} and one of each step class, wiring them through their constructors,
 * with the run (made once, outside Cucumber) as the one thing they all share.
 *
 * <p>cucumber-picocontainer's own factory builds every object from a class, so it cannot be given
 * an object made before the run started; this one is given the run and otherwise does the same.
 */
public final class WorldFactory implements ObjectFactory {
    private final ConformanceRun run;
    private final Set<Class<?>> glue = new LinkedHashSet<>();
    private MutablePicoContainer scenario;

    public WorldFactory(ConformanceRun run) {
        this.run = run;
    }

    @Override
    public boolean addClass(Class<?> glueClass) {
        glue.add(glueClass);
        return true;
    }

    @Override
    public void start() {
        MutablePicoContainer c = new DefaultPicoContainer(new Caching());
        c.addComponent(run);
        c.addComponent(ScenarioWorld.class);
        glue.stream().filter(g -> g != ScenarioWorld.class).forEach(c::addComponent);
        scenario = c;
    }

    @Override
    public void stop() {
        scenario = null;
    }

    @Override
    public <T> T getInstance(Class<T> type) {
        if (scenario == null) {
            throw new IllegalStateException("no scenario is running");
        }
        return scenario.getComponent(type);
    }
}
