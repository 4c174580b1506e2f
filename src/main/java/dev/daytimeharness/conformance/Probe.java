package dev.daytimeharness.conformance;

import dev.daytimeharness.client.ClientOptions;
import dev.daytimeharness.client.Datagrams;
import dev.daytimeharness.client.DaytimeClient;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.UdpDaytimeClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The harness's own well-behaved client, as the checks use it: polite, bounded, observant. */
public final class Probe {
    /**
     * Far above any read buffer a check judges, so an oversized reply is seen whole, yet bounded, so
     * a server that streams without end cannot exhaust the harness's memory.
     */
    public static final int CAP = 64 * 1024;
    private static final int UDP_RETRIES = 2;
    /**
     * How long to listen after the first answering datagram for more: an amplifier sends its burst
     * at once, and even over a slow path the extra datagrams trail the first by far less than this.
     */
    public static final Duration LISTEN_FOR_MORE = Duration.ofMillis(500);

    private final Settings settings;
    private final Politeness politeness;

    public Probe(Settings settings, Politeness politeness) {
        this.settings = settings;
        this.politeness = politeness;
    }

    public Exchange fetch(Endpoint target, byte[] sendFirst) {
        politeness.await(target);
        return DaytimeClient.fetch(target, options().withSendFirst(sendFirst));
    }

    public Exchange fetchUdp(Endpoint target, byte[] payload) {
        politeness.await(target);
        return UdpDaytimeClient.fetch(target, settings.timeout(), UDP_RETRIES, payload);
    }

    /**
     * Asks over UDP and, after the first answer, listens {@code listen} longer to count the datagrams
     * that follow it.
     */
    public Datagrams askUdp(Endpoint target, byte[] payload, Duration listen) {
        politeness.await(target);
        return UdpDaytimeClient.ask(target, settings.timeout(), UDP_RETRIES, payload, listen);
    }

    /** Sends {@code clients} clients at once; each gets the usual deadline. */
    public List<Exchange> fetchConcurrently(Endpoint target, int clients) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Exchange>> pending = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                pending.add(pool.submit(() -> DaytimeClient.fetch(target, options())));
            }
            List<Exchange> done = new ArrayList<>();
            for (Future<Exchange> f : pending) {
                done.add(f.get());
            }
            return done;
        } catch (Exception e) {
            throw new IllegalStateException("concurrent clients did not finish: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    public Politeness politeness() {
        return politeness;
    }

    public Settings settings() {
        return settings;
    }

    private ClientOptions options() {
        return new ClientOptions(settings.timeout(), settings.timeout(), CAP, new byte[0]);
    }
}
