package dev.daytimeharness.conformance.clients;

import dev.daytimeharness.cli.Main;
import dev.daytimeharness.cli.DurationConverter;
import dev.daytimeharness.client.Endpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The project's own client ({@code daytime-harness get}), run in-process: the default client under test.
 *
 * @param udp whether it asks over UDP ({@code get --udp})
 */
public record ReferenceClient(boolean udp) implements ClientUnderTest {

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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        String[] args = udp
                ? new String[] {"get", server.toString(), "--udp", "--timeout", DurationConverter.format(own)}
                : new String[] {"get", server.toString(), "--timeout", DurationConverter.format(own)};
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> Main.run(args,
                new PrintWriter(out, true), new PrintWriter(err, true)));
        try {
            int code = run.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new ClientRun(code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start), false);
        } catch (TimeoutException e) {
            run.cancel(true);
            return new ClientRun(-1, out.toString(), err.toString(), deadline, true);
        } catch (InterruptedException | ExecutionException e) {
            return new ClientRun(1, out.toString(), String.valueOf(e.getMessage()), Duration.ofNanos(System.nanoTime() - start), false);
        }
    }

    @Override
    public String description() {
        return "the reference client (daytime-harness get" + (udp ? " --udp)" : ")");
    }
}
