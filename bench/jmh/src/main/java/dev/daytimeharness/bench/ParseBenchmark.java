package dev.daytimeharness.bench;

import dev.daytimeharness.protocol.ReplyFacts;
import dev.daytimeharness.protocol.ReplyParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** How long parsing one real-world daytime reply takes: the whole of ReplyParser.parse. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {

    @Param({"ctime", "xinetd", "nist", "rfc3339", "windows-short", "dotnet-en-gb", "go-time", "unrecognised"})
    public String format;

    private byte[] reply;
    private final Instant ours = Instant.parse("2026-11-24T01:31:33Z");

    @Setup
    public void setUp() {
        String text = switch (format) {
            case "ctime" -> "Tue Nov 24 01:31:31 2026\r\n";
            case "xinetd" -> "24 NOV 2026 01:31:31 UTC\r\n";
            case "nist" -> "\n61368 26-11-24 01:31:37 00 0 0 478.7 UTC(NIST) * \n";
            case "rfc3339" -> "2026-11-24T01:31:31.250+01:00\n";
            case "windows-short" -> "2:03:07 PM 7/25/2024\n\r";
            // Two readings (day/month, month/day), decided by the clock.
            case "dotnet-en-gb" -> "01/12/2026 01:31:31";
            case "go-time" -> "2026-11-24 01:31:31.123456789 +0000 UTC m=+0.000012345\n";
            default -> "it is about teatime, more or less\r\n";
        };
        reply = text.getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public ReplyFacts parse() {
        return ReplyParser.parse(reply, ZoneOffset.UTC, ours);
    }
}
