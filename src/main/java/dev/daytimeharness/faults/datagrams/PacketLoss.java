package dev.daytimeharness.faults.datagrams;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code packet_loss} on a UDP proxy, with the attributes of Toxiproxy's (PR #739): each datagram
 * is dropped with probability {@code loss_rate}, or {@code loss_rate + correlation} right after a
 * drop, so losses come in bursts. 0 or less never drops, 1 or more always does.
 */
public record PacketLoss(double lossRate, double correlation) implements DatagramToxic {
    public static PacketLoss from(dev.daytimeharness.faults.toxics.Attributes a) {
        return new PacketLoss(a.fraction("loss_rate"), a.fraction("correlation"));
    }

    @Override
    public Run open() {
        boolean[] lastDropped = {false};
        return (d, next) -> {
            double p = lastDropped[0] ? lossRate + correlation : lossRate;
            lastDropped[0] = p >= 1 || (p > 0 && ThreadLocalRandom.current().nextDouble() < p);
            if (!lastDropped[0]) {
                next.accept(d);
            }
        };
    }
}
