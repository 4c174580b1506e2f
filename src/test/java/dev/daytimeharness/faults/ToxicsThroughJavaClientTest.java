package dev.daytimeharness.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.ClientOptions;
import dev.daytimeharness.client.DaytimeClient;
import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.faults.api.ToxiproxyServer;
import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerOptions;
import eu.rekawek.toxiproxy.Proxy;
import eu.rekawek.toxiproxy.ToxiproxyClient;
import eu.rekawek.toxiproxy.model.ToxicDirection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every toxic, driven through the real toxiproxy-java client, observed by a real daytime client. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ToxicsThroughJavaClientTest {
    private ToxiproxyServer toxiproxy;
    private DaytimeServer daytime;
    private ToxiproxyClient client;
    private Proxy proxy;

    @BeforeEach
    void start() throws IOException {
        toxiproxy = ToxiproxyServer.startOnLoopback();
        daytime = new DaytimeServer(ServerOptions.loopback(0), System.err);
        int port = daytime.start();
        client = new ToxiproxyClient("127.0.0.1", toxiproxy.port());
        proxy = client.createProxy("daytime", "127.0.0.1:0", "127.0.0.1:" + port);
    }

    @AfterEach
    void stop() {
        toxiproxy.close();
        daytime.close();
    }

    private Exchange fetch(Duration deadline) {
        return DaytimeClient.fetch(Endpoint.parse(proxy.getListen(), 0), ClientOptions.defaults().withDeadline(deadline));
    }

    private static String text(Exchange e) {
        return new String(e.reply(), StandardCharsets.US_ASCII);
    }

    @Test
    void withNoToxicsTheReplyPassesUnchanged() {
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(text(e)).endsWith("\r\n");
    }

    @Test
    void theClientSeesItsProxyAndVersion() throws IOException {
        assertThat(client.version()).contains("\"version\": \"2.12.0\"");
        assertThat(client.getProxies()).extracting(Proxy::getName).containsExactly("daytime");
        assertThat(proxy.getListen()).doesNotEndWith(":0");
    }

    @Test
    void latencyDelaysTheReply() throws IOException {
        proxy.toxics().latency("slow", ToxicDirection.DOWNSTREAM, 300);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(e.firstByteAfter().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void slicerDeliversTheLineInManyReads() throws IOException {
        proxy.toxics().slicer("bytes", ToxicDirection.DOWNSTREAM, 1, 1000);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(e.reads()).isGreaterThan(5);
        assertThat(text(e)).endsWith("\r\n");
    }

    @Test
    void limitDataTruncatesAndCloses() throws IOException {
        proxy.toxics().limitData("five", ToxicDirection.DOWNSTREAM, 5);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.reply()).hasSize(5);
        assertThat(e.outcome()).isIn(Outcome.CLOSED, Outcome.RESET);
    }

    @Test
    void resetPeerResetsAndSwallowsTheFirstChunk() throws IOException {
        proxy.toxics().resetPeer("rst", ToxicDirection.DOWNSTREAM, 0);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.outcome()).isEqualTo(Outcome.RESET);
        assertThat(e.reply()).isEmpty();
    }

    @Test
    void timeoutZeroDropsTheReplyAndClosesWhenTheServerDoes() throws IOException {
        // Toxiproxy's timeout toxic ends its stream when its input ends: a daytime server closes at once.
        proxy.toxics().timeout("drop", ToxicDirection.DOWNSTREAM, 0);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(e.reply()).isEmpty();
        assertThat(e.endAfter().orElseThrow()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void timeoutThenSlowCloseNeverDeliversBeforeTheClientsDeadline() throws IOException {
        proxy.toxics().timeout("drop", ToxicDirection.DOWNSTREAM, 0);
        proxy.toxics().slowClose("hold", ToxicDirection.DOWNSTREAM, 60_000);
        Exchange e = fetch(Duration.ofMillis(500));
        assertThat(e.outcome()).isEqualTo(Outcome.TIMEOUT);
        assertThat(e.reply()).isEmpty();
    }

    @Test
    void removingATimeoutToxicClosesItsConnections() throws Exception {
        try (var silent = dev.daytimeharness.simulator.SimulatedServer.start(
                dev.daytimeharness.simulator.Behaviours.byName("silent"), new java.net.InetSocketAddress("127.0.0.1", 0))) {
            proxy.setUpstream("127.0.0.1:" + silent.port());
            proxy.toxics().timeout("drop", ToxicDirection.DOWNSTREAM, 0);
            var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> fetch(Duration.ofSeconds(10)));
            assertThat(silent.connectedWithin(Duration.ofSeconds(5))).isTrue();
            proxy.toxics().get("drop").remove();
            Exchange e = pending.get(10, TimeUnit.SECONDS);
            assertThat(e.outcome()).isEqualTo(Outcome.CLOSED);
            assertThat(e.endAfter().orElseThrow()).isLessThan(Duration.ofSeconds(9));
        }
    }

    @Test
    void timeoutClosesAfterItsTime() throws IOException {
        proxy.toxics().timeout("close", ToxicDirection.DOWNSTREAM, 200);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.reply()).isEmpty();
        assertThat(e.outcome()).isIn(Outcome.CLOSED, Outcome.RESET);
    }

    @Test
    void bandwidthZeroIsNoLimitAsInToxiproxy() throws IOException {
        proxy.toxics().bandwidth("none", ToxicDirection.DOWNSTREAM, 0);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(text(e)).endsWith("\r\n");
    }

    @Test
    void lowBandwidthIsSlowButComplete() throws IOException {
        proxy.toxics().bandwidth("slow", ToxicDirection.DOWNSTREAM, 1);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(text(e)).endsWith("\r\n");
    }

    @Test
    void slowCloseDelaysOnlyTheClose() throws IOException {
        proxy.toxics().slowClose("late", ToxicDirection.DOWNSTREAM, 400);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(text(e)).endsWith("\r\n");
        assertThat(e.endAfter().orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMillis(390));
        assertThat(e.firstByteAfter().orElseThrow()).isLessThan(Duration.ofMillis(390));
    }

    @Test
    void upstreamToxicsLeaveTheReplyAlone() throws IOException {
        proxy.toxics().limitData("up", ToxicDirection.UPSTREAM, 0);
        proxy.toxics().latency("uplag", ToxicDirection.UPSTREAM, 100);
        Exchange e = fetch(Duration.ofSeconds(5));
        assertThat(e.outcome()).isEqualTo(Outcome.CLOSED);
        assertThat(text(e)).endsWith("\r\n");
    }

    @Test
    void aDisabledProxyRefusesAndAnEnabledOneServesAgain() throws IOException {
        proxy.disable();
        assertThat(fetch(Duration.ofSeconds(2)).outcome()).isEqualTo(Outcome.REFUSED);
        proxy.enable();
        assertThat(fetch(Duration.ofSeconds(2)).outcome()).isEqualTo(Outcome.CLOSED);
    }

    @Test
    void toxicityZeroSparesEveryConnection() throws IOException {
        proxy.toxics().resetPeer("never", ToxicDirection.DOWNSTREAM, 0).setToxicity(0f);
        assertThat(fetch(Duration.ofSeconds(2)).outcome()).isEqualTo(Outcome.CLOSED);
    }

    @Test
    void removingAToxicRestoresTheProxy() throws IOException {
        proxy.toxics().resetPeer("rst", ToxicDirection.DOWNSTREAM, 0);
        proxy.toxics().get("rst").remove();
        assertThat(fetch(Duration.ofSeconds(2)).outcome()).isEqualTo(Outcome.CLOSED);
    }

    @Test
    void aToxicAddedToAnOpenConnectionTakesEffect() throws Exception {
        try (var slow = dev.daytimeharness.simulator.SimulatedServer.start(
                dev.daytimeharness.simulator.Behaviours.byName("slow"), new java.net.InetSocketAddress("127.0.0.1", 0))) {
            proxy.setUpstream("127.0.0.1:" + slow.port());
            var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> fetch(Duration.ofSeconds(5)));
            // The slow server waits 800 ms before replying: the toxic lands while the connection is open.
            Thread.sleep(200);
            proxy.toxics().limitData("late", ToxicDirection.DOWNSTREAM, 3);
            assertThat(pending.get(10, TimeUnit.SECONDS).reply()).hasSize(3);
        }
    }

    @Test
    void resetRemovesEveryToxic() throws IOException {
        proxy.toxics().timeout("hold", ToxicDirection.DOWNSTREAM, 0);
        client.reset();
        assertThat(proxy.toxics().getAll()).isEmpty();
        assertThat(fetch(Duration.ofSeconds(2)).outcome()).isEqualTo(Outcome.CLOSED);
    }
}
