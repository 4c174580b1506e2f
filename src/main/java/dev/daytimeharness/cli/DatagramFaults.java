package dev.daytimeharness.cli;

import dev.daytimeharness.faults.DatagramFault;
import dev.daytimeharness.faults.UdpFaultProxy;
import java.time.Duration;

/** {@code proxy --udp}: which options a UDP proxy takes, and the datagram faults they ask for. */
final class DatagramFaults {
    private DatagramFaults() {}

    /** Refuses what has no meaning for datagrams and numbers out of range, before anything is opened. */
    static void checkUsage(Integer slice, Duration resetAfter, Double loss, Integer duplicate) {
        if (slice != null || resetAfter != null) {
            throw UserError.usage("--slice and --reset-after act on a stream; a UDP proxy takes --latency, --jitter,"
                    + " --loss, --duplicate, --limit, --bandwidth and --timeout");
        }
        if (loss != null && !(loss >= 0 && loss <= 1)) {
            throw UserError.usage("--loss must be between 0 and 1");
        }
        if (duplicate != null && (duplicate < 0 || duplicate > 100)) {
            throw UserError.usage("--duplicate must be between 0 and 100");
        }
    }

    /** Adds the faults asked for, each on the replies (downstream), as the TCP proxy does. */
    static void add(UdpFaultProxy proxy, Duration latency, Duration jitter, Double loss, Integer duplicate,
                    Integer limit, Integer bandwidth, Duration timeout) {
        if (latency != null) {
            proxy.add(new DatagramFault.Latency(latency.toMillis(), jitter.toMillis()), true);
        }
        if (loss != null) {
            proxy.add(new DatagramFault.Loss(loss, 0), true);
        }
        if (duplicate != null) {
            proxy.add(new DatagramFault.Duplicate(duplicate), true);
        }
        if (limit != null) {
            proxy.add(new DatagramFault.Truncate(limit), true);
        }
        if (bandwidth != null) {
            proxy.add(new DatagramFault.Bandwidth(bandwidth), true);
        }
        if (timeout != null) {
            proxy.add(new DatagramFault.Blackhole(), true);
        }
    }
}
