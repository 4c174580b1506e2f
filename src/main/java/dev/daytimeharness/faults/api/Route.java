package dev.daytimeharness.faults.api;

import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the route table: the methods, a path pattern, and what answers it. A path parameter
 * is one segment of the percent-decoded path, as gorilla/mux matches it: {@code a+b} is the name
 * {@code a+b}, {@code %25} is {@code %}, and no name holds a {@code /}.
 *
 * @param methods the HTTP methods it answers
 * @param path the path, with {@code {name}} for a path parameter
 * @param handler what answers a request that matches
 */
record Route(Set<String> methods, Pattern path, Handler handler) {

    static Route of(String method, String template, Handler handler) {
        return new Route(Set.of(method.split(",")), Pattern.compile(template.replaceAll("\\{[a-z]+\\}", "([^/]+)")), handler);
    }

    /** Answers one request: the path parameters and the body in, a response out. */
    @FunctionalInterface
    interface Handler {
        Response handle(List<String> params, String body);
    }

    /**
     * An answer as Toxiproxy's Go server writes it: JSON successes without a trailing newline,
     * errors through Go's {@code http.Error} (text/plain, a trailing newline).
     */
    record Response(int status, String contentType, byte[] body) {
        static final String TEXT = "text/plain; charset=utf-8";

        static Response json(int status, JsonElement body) {
            return new Response(status, "application/json", GoJson.encode(body).getBytes(StandardCharsets.UTF_8));
        }

        static Response empty(int status) {
            return new Response(status, null, new byte[0]);
        }

        static Response text(int status, String line) {
            return new Response(status, TEXT, (line + "\n").getBytes(StandardCharsets.UTF_8));
        }

        static Response error(int status, String message) {
            com.google.gson.JsonObject body = new com.google.gson.JsonObject();
            body.addProperty("error", message);
            body.addProperty("status", status);
            return text(status, GoJson.encode(body));
        }

        static Response error(ApiError.Failure failure) {
            return error(failure.error.status, failure.getMessage());
        }
    }

    /** The path parameters when {@code requestPath} matches, else null. */
    List<String> match(String requestPath) {
        Matcher m = path.matcher(requestPath);
        if (!m.matches()) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            params.add(m.group(i));
        }
        return params;
    }
}
