package dev.daytimeharness.conformance.clients;

import dev.daytimeharness.client.ClientOptions;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Reading;
import dev.daytimeharness.client.TimeQuery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The project's own client, the default client under test: the very call {@code daytime-harness get}
 * makes, in-process, with what {@code get} would print and the exit code it would return.
 *
 * @param udp whether it asks over UDP ({@code get --udp})
 */
public record ReferenceClient(boolean udp) implements ClientUnderTest {
    /** {@code get}'s defaults: UDP datagrams resent when none comes back. */
    private static final int UDP_RETRIES = 2;
    /** {@code get}'s exit codes (README): 0 the time was read, 1 it was not. */
    private static final int OK = 0;
    private static final int FAILURE = 1;

    public ReferenceClient() {
        this(false);
    }

    @Override
    public ClientUnderTest overUdp() {
        return new ReferenceClient(true);
    }

    @Override
    public ClientRun run(Endpoint server, Duration deadline) {
        // Its own deadline sits well inside the hard one, as a careful client's should.
        Duration own = deadline.dividedBy(2);
        long start = System.nanoTime();
        CompletableFuture<Reading> run = CompletableFuture.supplyAsync(() -> udp
                ? TimeQuery.overUdp(server, own, UDP_RETRIES, ZoneId.systemDefault())
                : TimeQuery.overTcp(server, new ClientOptions(own, own, ClientOptions.DEFAULT_MAX_BYTES, new byte[0]),
                        ZoneId.systemDefault()));
        try {
            Reading reading = run.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return reading.failure()
                    .map(f -> new ClientRun(FAILURE, "", "daytime-harness: " + f.message() + "\n", took, false))
                    .orElseGet(() -> new ClientRun(OK,
                            new String(reading.exchange().reply(), StandardCharsets.ISO_8859_1), "", took, false));
        } catch (TimeoutException e) {
            run.cancel(true);
            return new ClientRun(-1, "", "", deadline, true);
        } catch (InterruptedException | ExecutionException e) {
            return new ClientRun(FAILURE, "", String.valueOf(e.getMessage()), Duration.ofNanos(System.nanoTime() - start), false);
        }
    }

    @Override
    public String description() {
        return "the reference client (daytime-harness get" + (udp ? " --udp)" : ")");
    }
}
