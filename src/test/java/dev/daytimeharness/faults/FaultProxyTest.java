package dev.daytimeharness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the harness itself sends a Toxiproxy: Toxiproxy's toxic names, and updates as PATCH. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultProxyTest {

    @Test
    void toxicsAreNamedAsToxiproxyNamesThemByDefault() {
        assertThat(FaultProxy.toxicName(new Fault.LimitData(5), ToxicDirection.DOWNSTREAM)).isEqualTo("limit_data_downstream");
        assertThat(FaultProxy.toxicName(new Fault.SlowClose(1), ToxicDirection.UPSTREAM)).isEqualTo("slow_close_upstream");
        assertThat(FaultProxy.toxicName(new Fault.ResetPeer(0), ToxicDirection.DOWNSTREAM)).isEqualTo("reset_peer_downstream");
    }

    @Test
    void onlyALocaleThatLowercasesTheTypeNamesOtherwiseNeedsTheSwap() {
        assertThat(FaultProxy.lowercasesLikeRoot(Locale.forLanguageTag("tr-TR"))).isFalse();
        assertThat(FaultProxy.lowercasesLikeRoot(Locale.forLanguageTag("az"))).isFalse();
        assertThat(FaultProxy.lowercasesLikeRoot(Locale.forLanguageTag("de-DE"))).isTrue();
        assertThat(FaultProxy.lowercasesLikeRoot(Locale.ENGLISH)).isTrue();
    }

    @Test
    void toxicsWithAnIInTheirTypeAreAddedUnderATurkishLocale() throws Exception {
        Locale original = Locale.getDefault();
        try (ToxiproxyEndpoint toxiproxy = ToxiproxyEndpoint.embedded();
             FaultProxy proxy = FaultProxy.open(toxiproxy, "127.0.0.1:9")) {
            // Turkish lower-cases I to a dotless ı: TIMEOUT became "tımeout", which Toxiproxy refuses.
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            proxy.add(new Fault.Timeout(0), true);
            proxy.add(new Fault.LimitData(5), true);
            assertThat(Locale.getDefault()).isEqualTo(Locale.forLanguageTag("tr-TR"));
            HttpResponse<String> toxics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(toxiproxy.url() + "/proxies/" + proxy.name() + "/toxics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(toxics.body()).contains("\"type\":\"timeout\"").contains("\"type\":\"limit_data\"");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void disablingIsSentAsAPatchNotTheDeprecatedPost() throws Exception {
        // A recording stand-in for a Toxiproxy, inside this unit test only: it notes each request line.
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        api.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
            byte[] answer = "{\"name\":\"p\",\"listen\":\"127.0.0.1:1\",\"upstream\":\"127.0.0.1:9\",\"enabled\":true,\"toxics\":[]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        api.start();
        try (FaultProxy proxy = FaultProxy.open(ToxiproxyEndpoint.at("http://127.0.0.1:" + api.getAddress().getPort()),
                "127.0.0.1:9")) {
            proxy.disable();
        } finally {
            api.stop(0);
        }
        // The proxy is called what the Toxiproxy answered it is called: "p" here.
        assertThat(seen).contains("PATCH /proxies/p {\"enabled\":false}");
        assertThat(seen).noneMatch(line -> line.startsWith("POST /proxies/"));
    }
}
