package dev.daytimeharness.faults.toxics;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code packet_loss}, as Toxiproxy's master has it (PR #739, in no release yet): each chunk is
 * dropped with probability {@code loss_rate}, or {@code loss_rate + correlation} right after a
 * dropped one (losses in bursts). On a stream a lost chunk is a gap in the data, which no real TCP
 * would allow: it models what an application sees when a lossy path's bytes never come.
 */
public record PacketLoss(double lossRate, double correlation) implements Toxic {
    public static PacketLoss from(Attributes a) {
        return new PacketLoss(a.fraction("loss_rate"), a.fraction("correlation"));
    }

    @Override
    public Run open() {
        boolean[] lastDropped = {false};
        return (data, arrived, next) -> {
            double p = lastDropped[0] ? lossRate + correlation : lossRate;
            lastDropped[0] = p >= 1 || (p > 0 && ThreadLocalRandom.current().nextDouble() < p);
            if (!lastDropped[0]) {
                next.write(data);
            }
        };
    }
}
