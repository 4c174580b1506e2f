package dev.daytimeharness.conformance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.daytimeharness.cli.Main;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.cli.DurationConverter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;

/**
 * One run of the reference client exactly as a user runs it ({@code daytime-harness get --json}),
 * in-process: its exit code, its error line, and the JSON it printed.
 *
 * @param exitCode what the command returned
 * @param err what it printed on stderr
 * @param json what it printed on stdout, parsed
 */
public record ReferenceClientRun(int exitCode, String err, Optional<JsonObject> json) {

    public static ReferenceClientRun get(Endpoint endpoint, Duration timeout) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"get", endpoint.toString(), "--json", "--timeout", DurationConverter.format(timeout)},
                new PrintWriter(out, true), new PrintWriter(err, true));
        Optional<JsonObject> json = Optional.empty();
        String text = out.toString().strip();
        if (text.startsWith("{")) {
            json = Optional.of(JsonParser.parseString(text).getAsJsonObject());
        }
        return new ReferenceClientRun(code, err.toString().strip(), json);
    }

    /** A fractional field as printed (NaN when absent): timings judged to the microsecond. */
    public double exact(String field) {
        return json.filter(j -> j.has(field)).map(j -> j.get(field).getAsDouble()).orElse(Double.NaN);
    }

    public long number(String field) {
        return json.filter(j -> j.has(field)).map(j -> Math.round(j.get(field).getAsDouble() * (field.endsWith("Seconds") ? 1000 : 1)))
                .orElse(-1L);
    }
}
