package dev.daytimeharness.faults.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The API's status codes and bodies, over raw HTTP, as Toxiproxy 2.12 answers them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ToxiproxyHttpTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    @RegisterExtension
    final LoopbackToxiproxy server = new LoopbackToxiproxy();



    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(5));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void createProxy() throws Exception {
        assertThat(call("POST", "/proxies", "{\"name\":\"p\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void createsAProxyWith201AndResolvesPortZero() throws Exception {
        HttpResponse<String> r = call("POST", "/proxies", "{\"name\":\"p\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).contains("\"name\":\"p\"").contains("\"enabled\":true").contains("\"toxics\":[]")
                .doesNotContain("127.0.0.1:0\"");
    }

    @Test
    void aDuplicateProxyIs409WithToxiproxysErrorBody() throws Exception {
        createProxy();
        HttpResponse<String> r = call("POST", "/proxies", "{\"name\":\"p\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(r.body().strip()).isEqualTo("{\"error\":\"proxy already exists\",\"status\":409}");
    }

    @Test
    void unknownProxiesAndToxicsAre404() throws Exception {
        assertThat(call("GET", "/proxies/nope", null).body()).contains("\"error\":\"proxy not found\"").contains("404");
        createProxy();
        HttpResponse<String> r = call("GET", "/proxies/p/toxics/nope", null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"error\":\"toxic not found\"");
    }

    @Test
    void badBodiesMissingFieldsAndBadTypesOrStreamsAre400() throws Exception {
        assertThat(call("POST", "/proxies", "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = call("POST", "/proxies", "{\"name\":\"p\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("missing required field: upstream");
        createProxy();
        assertThat(call("POST", "/proxies/p/toxics", "{\"type\":\"bogus\"}").statusCode()).isEqualTo(400);
        assertThat(call("POST", "/proxies/p/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}").body())
                .contains("stream was invalid");
    }

    @Test
    void toxicsAreAddedWith200WithDefaultsAndDeletedWith204() throws Exception {
        createProxy();
        HttpResponse<String> added = call("POST", "/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":100}}");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("\"name\":\"latency_downstream\"").contains("\"stream\":\"downstream\"")
                .contains("\"toxicity\":1}").contains("\"latency\":100").contains("\"jitter\":0");
        assertThat(call("POST", "/proxies/p/toxics", "{\"type\":\"latency\"}").statusCode()).isEqualTo(409);
        HttpResponse<String> patched = call("PATCH", "/proxies/p/toxics/latency_downstream", "{\"attributes\":{\"jitter\":5}}");
        assertThat(patched.body()).contains("\"latency\":100").contains("\"jitter\":5");
        assertThat(call("DELETE", "/proxies/p/toxics/latency_downstream", null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/proxies/p/toxics", null).body().strip()).isEqualTo("[]");
    }

    @Test
    void resetIs204AndClearsToxicsAndReenables() throws Exception {
        createProxy();
        call("POST", "/proxies/p/toxics", "{\"type\":\"noop\"}");
        call("POST", "/proxies/p", "{\"enabled\":false}");
        assertThat(call("POST", "/reset", null).statusCode()).isEqualTo(204);
        String p = call("GET", "/proxies/p", null).body();
        assertThat(p).contains("\"enabled\":true").contains("\"toxics\":[]");
    }

    @Test
    void populateCreatesEveryProxyWith201() throws Exception {
        HttpResponse<String> r = call("POST", "/populate", "[{\"name\":\"a\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"},"
                + "{\"name\":\"b\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"127.0.0.1:9\"}]");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(call("GET", "/proxies", null).body()).contains("\"a\":").contains("\"b\":");
    }

    @Test
    void deletingAProxyIs204() throws Exception {
        createProxy();
        assertThat(call("DELETE", "/proxies/p", null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/proxies/p", null).statusCode()).isEqualTo(404);
    }

    @Test
    void versionIsToxiproxysJson() throws Exception {
        HttpResponse<String> r = call("GET", "/version", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/json;charset=utf-8");
        assertThat(r.body()).isEqualTo("{\"version\": \"2.12.0\"}\n");
    }
}
