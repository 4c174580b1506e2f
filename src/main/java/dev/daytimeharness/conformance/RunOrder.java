package dev.daytimeharness.conformance;

import io.cucumber.core.gherkin.Pickle;
import io.cucumber.core.order.PickleOrder;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two orders of one run. Reports list scenarios in {@link ScenarioOrder}; a serial run also
 * runs them in it. A concurrent run starts them in another order: the {@code @load} scenarios
 * first, one at a time before any other (see {@link Turns}), and quick; then the {@code @faults}
 * scenarios, which mostly wait on a toxic and take longest; then the {@code @timed} ones, whose
 * verdict is an upper bound on a time (a reply within 500 ms, giving up within a second); then the
 * rest, quick but for two. A {@code @timed} scenario so starts only when a thread is free again,
 * once the first faults are under way and the burst of work that starting them all at once makes
 * (proxies made, toxics added, code run for the first time) is over, and is not counted against
 * the server. Cucumber hands the run's pickles to
 * {@link #orderPickles} once, before the first starts.
 */
public final class RunOrder implements PickleOrder {
    private final boolean concurrent;
    private final Turns turns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, Integer> pickleIds = new HashMap<>();

    /**
     * @param concurrent whether scenarios run side by side (start order differs from report order)
     * @param turns told how many scenarios run alone, before the others
     */
    public RunOrder(boolean concurrent, Turns turns) {
        this.concurrent = concurrent;
        this.turns = turns;
    }

    @Override
    public List<Pickle> orderPickles(List<Pickle> pickles) {
        List<Pickle> reported = new ScenarioOrder().orderPickles(pickles);
        synchronized (this) {
            positions.clear();
            pickleIds.clear();
            for (int i = 0; i < reported.size(); i++) {
                Pickle p = reported.get(i);
                positions.put(key(p.getUri(), p.getLocation().getLine()), i);
                pickleIds.put(p.getId(), i);
            }
        }
        if (!concurrent) {
            turns.plan(0);
            return reported;
        }
        turns.plan((int) pickles.stream().filter(p -> startGroup(p) == 0).count());
        return reported.stream().sorted(Comparator.comparingInt(RunOrder::startGroup)).toList();
    }

    /** Where the scenario at {@code uri} and {@code line} stands in the reports, if it is in this run. */
    public synchronized Optional<Integer> position(URI uri, int line) {
        return Optional.ofNullable(positions.get(key(uri, line)));
    }

    /** The same, for the pickle with Cucumber's id {@code pickleId}. */
    public synchronized Optional<Integer> positionOfPickle(String pickleId) {
        return Optional.ofNullable(pickleIds.get(pickleId));
    }

    private static int startGroup(Pickle p) {
        List<String> tags = p.getTags();
        if (tags.contains("@load")) {
            return 0;
        }
        if (tags.contains("@timed")) {
            return 2;
        }
        return tags.contains("@faults") ? 1 : 3;
    }

    private static String key(URI uri, int line) {
        return uri + "#" + line;
    }
}
