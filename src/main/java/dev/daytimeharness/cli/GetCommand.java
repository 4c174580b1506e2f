package dev.daytimeharness.cli;

import dev.daytimeharness.client.ClientOptions;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.Reading;
import dev.daytimeharness.client.TimeQuery;
import dev.daytimeharness.client.UdpDaytimeClient;
import dev.daytimeharness.protocol.Printable;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code get}: the reference client. Fetches one timestamp and prints it. */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Fetch the time from a daytime server and print the reply.",
        footer = {"", "Examples:",
                "  daytime-harness get 127.0.0.1:1313",
                "  daytime-harness get 127.0.0.1:1313 --verbose     also the format, zone and clock offset",
                "  daytime-harness get 127.0.0.1:1313 --json",
                "  daytime-harness get 127.0.0.1:1313 --udp --retries 3 --timeout 2s",
                "", ExitCode.HELP})
public final class GetCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "The server; the port defaults to 13.")
    String target;

    @Option(names = "--udp", description = "Ask over UDP instead of TCP.")
    boolean udp;

    @Option(names = "--retries", paramLabel = "N", description = "UDP: datagrams to resend when none comes back, 0 to 100,"
            + " at least 100 ms apart and all within --timeout (default: ${DEFAULT-VALUE}).")
    int retries = 2;

    @Option(names = "--timeout", paramLabel = "D", description = "Deadline for the whole exchange (default: ${DEFAULT-VALUE}).")
    Duration timeout = Duration.ofSeconds(5);

    @Option(names = "--connect-timeout", paramLabel = "D", description = "Deadline for the connection (default: the --timeout).")
    Duration connectTimeout;

    @Option(names = "--max-bytes", paramLabel = "N", description = "Largest reply accepted (default: ${DEFAULT-VALUE}).")
    int maxBytes = ClientOptions.DEFAULT_MAX_BYTES;

    @Option(names = "--json", description = "Print one JSON object with the reply, what it says and the clock offset.")
    boolean json;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Read a timestamp that names no zone in this zone (default: this machine's).")
    String zone;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Endpoint endpoint = endpoint();
        ZoneId zoneId = ZoneOption.parse(zone);
        if (timeout.isZero() || timeout.isNegative()) {
            throw UserError.usage("--timeout must be more than zero");
        }
        if (maxBytes < 1) {
            throw UserError.usage("--max-bytes must be at least 1");
        }
        if (retries < 0 || retries > UdpDaytimeClient.MAX_RETRIES) {
            throw UserError.usage("--retries must be between 0 and " + UdpDaytimeClient.MAX_RETRIES + ", not " + retries);
        }
        Reading reading = udp
                ? TimeQuery.overUdp(endpoint, timeout, retries, zoneId)
                : TimeQuery.overTcp(endpoint, new ClientOptions(connectTimeout == null ? timeout : connectTimeout,
                        timeout, maxBytes, new byte[0]), zoneId);
        Exchange e = reading.exchange();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ExchangeReport.json(e, reading.facts()));
            out.flush();
        }
        reading.failure().ifPresent(failure -> {
            throw UserError.failure(failure.message());
        });
        if (!json) {
            // The reply as the lines it was, but no byte of it may drive the terminal.
            out.print(Printable.keepingLines(new String(e.reply(), StandardCharsets.ISO_8859_1)));
            if (Main.verbose(spec)) {
                ExchangeReport.details(e, reading.facts()).stream().map(Printable::escape).forEach(out::println);
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    private Endpoint endpoint() {
        try {
            return Endpoint.parseTarget(target, Endpoint.DAYTIME_PORT);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("bad target: " + e.getMessage() + " (write HOST:PORT, e.g. 127.0.0.1:1313)");
        }
    }
}
