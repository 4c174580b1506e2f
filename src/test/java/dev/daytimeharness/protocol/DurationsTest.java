package dev.daytimeharness.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsWhatPeopleWrite() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("1.5S")).isEqualTo(Duration.ofMillis(1500));
        assertThat(Durations.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a duration");
    }

    /** A German machine formats 3.5 as "3,5", which parse would then refuse. */
    @Test
    void writesWithADotWhateverTheLocaleAndReadsItBack() {
        Locale before = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.GERMANY, new Locale("tr", "TR")}) {
                Locale.setDefault(l);
                assertThat(Durations.format(Duration.ofMillis(3500))).isEqualTo("3.5s");
                assertThat(Durations.parse(Durations.format(Duration.ofMillis(3500)))).isEqualTo(Duration.ofMillis(3500));
                assertThat(Durations.parse("2MS")).isEqualTo(Duration.ofMillis(2));
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
