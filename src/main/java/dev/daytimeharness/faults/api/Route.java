package dev.daytimeharness.faults.api;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the route table: a method, a path pattern, and what answers it.
 *
 * @param method the HTTP method
 * @param path the path, with {@code {name}} for a path parameter
 * @param handler what answers a request that matches
 */
record Route(String method, Pattern path, Handler handler) {

    static Route of(String method, String template, Handler handler) {
        return new Route(method, Pattern.compile("^" + template.replaceAll("\\{[a-z]+\\}", "([^/]+)") + "/?$"), handler);
    }

    /** Answers one request: the path parameters and the parsed body in, a response out. */
    @FunctionalInterface
    interface Handler {
        Response handle(List<String> params, JsonElement body);
    }

    /** A response: a status and a JSON body, or plain text, or nothing. */
    record Response(int status, Object body) {
        static Response json(int status, JsonElement body) {
            return new Response(status, body);
        }

        static Response empty(int status) {
            return new Response(status, null);
        }
    }

    List<String> match(String method, String requestPath) {
        Matcher m = path.matcher(requestPath);
        if (!m.matches()) {
            return null;
        }
        List<String> params = new java.util.ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            params.add(java.net.URLDecoder.decode(m.group(i), java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }
}
