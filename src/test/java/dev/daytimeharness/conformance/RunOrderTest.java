package dev.daytimeharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.core.gherkin.Pickle;
import io.cucumber.core.gherkin.Step;
import io.cucumber.plugin.event.Location;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOrderTest {
    /** A scenario as Cucumber hands it over: only what the orders read. */
    private record Scenario(String id, URI uri, int line, List<String> tags) implements Pickle {
        static Scenario of(String file, int line, String... tags) {
            return new Scenario(file + ":" + line, URI.create("classpath:features/" + file), line, List.of(tags));
        }

        @Override
        public String getKeyword() {
            return "Scenario";
        }

        @Override
        public String getLanguage() {
            return "en";
        }

        @Override
        public String getName() {
            return id;
        }

        @Override
        public Location getLocation() {
            return new Location(line, 3);
        }

        @Override
        public Location getScenarioLocation() {
            return getLocation();
        }

        @Override
        public List<Step> getSteps() {
            return List.of();
        }

        @Override
        public List<String> getTags() {
            return tags;
        }

        @Override
        public URI getUri() {
            return uri;
        }

        @Override
        public String getId() {
            return id;
        }
    }

    private static final Scenario FLT_001 = Scenario.of("faults/faults.feature", 10, "@faults", "@DT-FLT-001");
    private static final Scenario FLT_007 = Scenario.of("faults/faults.feature", 49, "@faults", "@DT-FLT-007", "@timed");
    private static final Scenario TCP_001 = Scenario.of("server/01-connect.feature", 5, "@server", "@DT-TCP-001");
    private static final Scenario TCP_060 = Scenario.of("server/08-concurrency.feature", 5, "@load", "@DT-TCP-060");
    private static final Scenario UFL_001 = Scenario.of("faults/udp.feature", 12, "@faults", "@DT-UFL-001", "@timed");
    private static final List<Pickle> SHUFFLED = List.of(UFL_001, TCP_001, FLT_007, TCP_060, FLT_001);

    @Test
    void aSerialRunStartsThemInTheOrderOfTheReports() {
        List<Pickle> started = new RunOrder(false, new Turns()).orderPickles(SHUFFLED);
        assertThat(started).containsExactly(FLT_001, FLT_007, TCP_001, TCP_060, UFL_001);
    }

    @Test
    void aConcurrentRunStartsLoadFirstThenFaultsThenTheTimedOnesThenTheRest() {
        List<Pickle> started = new RunOrder(true, new Turns()).orderPickles(SHUFFLED);
        assertThat(started).containsExactly(TCP_060, FLT_001, FLT_007, UFL_001, TCP_001);
    }

    @Test
    void theReportsPlaceFollowsScenarioOrderWhateverTheStartOrder() {
        RunOrder order = new RunOrder(true, new Turns());
        order.orderPickles(SHUFFLED);
        assertThat(order.position(FLT_001.getUri(), 10)).contains(0);
        assertThat(order.position(TCP_060.getUri(), 5)).contains(3);
        assertThat(order.positionOfPickle(UFL_001.getId())).contains(4);
        assertThat(order.position(TCP_001.getUri(), 99)).isEmpty();
    }
}
