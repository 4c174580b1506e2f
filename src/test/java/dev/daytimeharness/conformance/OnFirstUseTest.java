package dev.daytimeharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnFirstUseTest {
    private final AtomicInteger made = new AtomicInteger();
    private final OnFirstUse<String> value = new OnFirstUse<>(() -> "value " + made.incrementAndGet());

    @Test
    void makesNothingUntilFirstAsked() {
        assertThat(value.ifMade()).isEmpty();
        assertThat(made.get()).isZero();
    }

    @Test
    void makesTheValueOnceAndSharesIt() {
        assertThat(value.get()).isEqualTo("value 1");
        assertThat(value.get()).isEqualTo("value 1");
        assertThat(value.ifMade()).contains("value 1");
        assertThat(made.get()).isEqualTo(1);
    }

    @Test
    void forgettingHandsBackWhatWasMadeOnlyOnce() {
        value.get();
        assertThat(value.forget()).contains("value 1");
        assertThat(value.forget()).isEmpty();
        assertThat(value.ifMade()).isEmpty();
    }

    @Test
    void forgettingWhatWasNeverMadeMakesNothing() {
        assertThat(value.forget()).isEmpty();
        assertThat(made.get()).isZero();
    }
}
