package dev.daytimeharness.faults.datagrams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** packet_loss's burst model, per datagram: a loss makes the next one likelier by {@code correlation}. */
class PacketLossTest {
    private static List<Integer> passed(PacketLoss loss, int n) {
        DatagramToxic.Run run = loss.open();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            run.datagram(new Datagram(new byte[] {(byte) i}, 0), d -> out.add(id));
        }
        return out;
    }

    @Test
    void aCorrelationThatMakesALossCertainLosesEverythingAfterTheFirstLoss() {
        // 0.5 + 0.5 after a loss is 1: whatever passes is an unbroken run from the start.
        List<Integer> got = passed(new PacketLoss(0.5, 0.5), 200);
        assertThat(got).isEqualTo(IntStream.range(0, got.size()).boxed().toList());
        assertThat(got.size()).isLessThan(200);
    }

    @Test
    void correlationAloneLosesNothing() {
        assertThat(passed(new PacketLoss(0, 1), 100)).hasSize(100);
    }

    @Test
    void aRateOfOneLosesEverythingAndZeroNothing() {
        assertThat(passed(new PacketLoss(1, 0), 100)).isEmpty();
        assertThat(passed(new PacketLoss(0, 0), 100)).hasSize(100);
    }

    @Test
    void eachClientHasItsOwnBurst() {
        PacketLoss loss = new PacketLoss(0.5, 0.5);
        // A second run starts fresh: its first datagram is lost only by the rate, not by the first run's burst.
        long firstPassed = IntStream.range(0, 200).filter(i -> !passed(loss, 1).isEmpty()).count();
        assertThat(firstPassed).isBetween(1L, 199L);
    }
}
