package dev.daytimeharness.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.Endpoint;
import dev.daytimeharness.client.Exchange;
import dev.daytimeharness.client.Outcome;
import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExchangeChecksTest {
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final byte[] SENT = "ECHO-PROBE\r\n".getBytes(StandardCharsets.US_ASCII);

    /** A connected exchange that got {@code reply} in {@code reads} reads, the first after {@code firstByte}. */
    private static Exchange exchange(String reply, int reads, Optional<Duration> firstByte, Outcome outcome) {
        Instant now = Instant.now();
        return new Exchange(new Endpoint("127.0.0.1", 13), now, now.plus(DEADLINE), Optional.of(Duration.ofMillis(1)),
                firstByte, Optional.of(DEADLINE), reply.getBytes(StandardCharsets.ISO_8859_1), reads, outcome,
                outcome == Outcome.CLOSED ? "" : outcome.name().toLowerCase());
    }

    /** What a server that accepts and never sends gives: nothing, until the deadline. */
    private static Exchange silent() {
        return exchange("", 0, Optional.empty(), Outcome.TIMEOUT);
    }

    private static Exchange good() {
        return exchange("24 NOV 2026 01:31:31 UTC\r\n", 1, Optional.of(Duration.ofMillis(3)), Outcome.CLOSED);
    }

    @Test
    void aServerThatClosesWithoutSendingDidNotCloseAfterAReplyNorKeepItWhole() {
        Exchange closedEmpty = exchange("", 0, Optional.empty(), Outcome.CLOSED);
        assertThat(ExchangeChecks.closedAfterReply(closedEmpty, DEADLINE)).get()
                .extracting(Finding::message).asString().contains("no reply arrived");
        assertThat(ExchangeChecks.replyNotCutShort(closedEmpty, DEADLINE)).get()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(ExchangeChecks.closedAfterReply(good(), DEADLINE)).isEmpty();
        assertThat(ExchangeChecks.replyNotCutShort(good(), DEADLINE)).isEmpty();
    }

    @Test
    void noReplyIsNotAPromptReply() {
        assertThat(ExchangeChecks.prompt(silent(), DEADLINE)).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .extracting(Finding::message).isEqualTo("no reply arrived within 5000 ms");
    }

    @Test
    void noReplyDidNotArriveInOneRead() {
        assertThat(ExchangeChecks.oneRead(silent(), DEADLINE)).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .extracting(Finding::message).isEqualTo("no reply arrived within 5000 ms");
    }

    @Test
    void noReplyIsNoProofTheInputWasThrownAway() {
        assertThat(ExchangeChecks.notEchoed(silent(), SENT, DEADLINE)).get()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void aCloseWithoutAByteSaysSo() {
        Exchange closed = exchange("", 0, Optional.empty(), Outcome.CLOSED);
        assertThat(ExchangeChecks.replied(closed, DEADLINE)).get().extracting(Finding::message).asString()
                .contains("no reply arrived").contains("without a byte");
    }

    @Test
    void aGoodReplyStillPasses() {
        assertThat(ExchangeChecks.prompt(good(), DEADLINE)).isEmpty();
        assertThat(ExchangeChecks.oneRead(good(), DEADLINE)).isEmpty();
        assertThat(ExchangeChecks.notEchoed(good(), SENT, DEADLINE)).isEmpty();
    }

    @Test
    void aSlowOrFragmentedReplyStillOnlyWarns() {
        Exchange slow = exchange("24 NOV 2026 01:31:31 UTC\r\n", 1, Optional.of(Duration.ofMillis(900)), Outcome.CLOSED);
        Exchange fragmented = exchange("24 NOV 2026 01:31:31 UTC\r\n", 26, Optional.of(Duration.ofMillis(3)), Outcome.CLOSED);
        assertThat(ExchangeChecks.prompt(slow, DEADLINE)).get().extracting(Finding::severity).isEqualTo(Severity.WARNING);
        assertThat(ExchangeChecks.oneRead(fragmented, DEADLINE)).get().extracting(Finding::severity)
                .isEqualTo(Severity.WARNING);
    }

    @Test
    void aRetryAnsweredTwiceIsNoAmplificationButTenForOneIs() {
        Exchange first = good();
        assertThat(ExchangeChecks.noAmplification(new dev.daytimeharness.client.Datagrams(first, 2, 2, 60),
                Duration.ofMillis(500))).isEmpty();
        assertThat(ExchangeChecks.noAmplification(new dev.daytimeharness.client.Datagrams(first, 1, 1, 30),
                Duration.ofMillis(500))).isEmpty();
        assertThat(ExchangeChecks.noAmplification(new dev.daytimeharness.client.Datagrams(first, 2, 5, 150),
                Duration.ofMillis(500))).hasValueSatisfying(f -> assertThat(f.message())
                .contains("5 datagrams (150 bytes) came back for 2 sent").contains("amplification factor of 2.5"));
        assertThat(ExchangeChecks.noAmplification(new dev.daytimeharness.client.Datagrams(first, 1, 10, 300),
                Duration.ofMillis(500))).hasValueSatisfying(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).contains("amplification factor of 10;");
                });
    }

    @Test
    void aReplyCutAtTheReadCapSaysSoAndWhatItBeganWith() {
        Exchange capped = exchange("\u001b[31m" + "x".repeat(100), 10, Optional.of(Duration.ofMillis(1)), Outcome.TOO_LARGE);
        assertThat(ExchangeChecks.closed(capped, DEADLINE)).hasValueSatisfying(f -> assertThat(f.message())
                .startsWith("the reply is longer than the read cap of 105 bytes; it began \"\\e[31mxxx")
                .doesNotContain("streams without end").doesNotContain("\u001b"));
    }
}
