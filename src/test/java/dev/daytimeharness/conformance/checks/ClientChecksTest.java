package dev.daytimeharness.conformance.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.conformance.Finding;
import dev.daytimeharness.conformance.Severity;
import dev.daytimeharness.conformance.clients.ClientRun;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientChecksTest {
    private static final String LINE = "24 NOV 2026 01:31:31 UTC";
    private static final Served GOOD = new Served(true, (LINE + "\r\n").getBytes(StandardCharsets.US_ASCII));

    private static ClientRun exited(int code, String stdout) {
        return new ClientRun(code, stdout, "", Duration.ofMillis(20), false);
    }

    @Test
    void aClientThatNeverConnectedDidNotPrintTheTimestamp() {
        // `true` as the client: exit 0, no output, and any output contains the empty string served.
        assertThat(ClientChecks.printedWhole(exited(0, ""), Served.nothing(), false)).get()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .extracting(Finding::message).asString().contains("never connected");
    }

    @Test
    void neverConnectingIsAnErrorEvenWhereManglingIsOnlyAWarning() {
        assertThat(ClientChecks.printedWhole(exited(0, "hi\n"), Served.nothing(), true)).get()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
    }

    @Test
    void whenNothingWasServedNothingPrintedCanBeTheReply() {
        Served blanks = new Served(true, "\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(ClientChecks.printedWhole(exited(0, "hi\n"), blanks, false)).get()
                .extracting(Finding::message).asString().contains("nothing was served");
    }

    @Test
    void failingWithoutEverConnectingIsNotACleanFailure() {
        // `false` as the client: exit 1 at once; failing proves nothing if it never met the server.
        assertThat(ClientChecks.wholeOrCleanFailure(exited(1, ""), Served.nothing())).get()
                .extracting(Finding::message).asString().contains("tested nothing");
        assertThat(ClientChecks.lineOrTimeout(exited(1, ""), Served.nothing())).get()
                .extracting(Finding::severity).isEqualTo(Severity.ERROR);
        assertThat(ClientChecks.reachedServer(exited(1, ""), GOOD)).isEmpty();
    }

    @Test
    void aClientThatNeverConnectedIsNeitherWholeNorACleanFailure() {
        assertThat(ClientChecks.wholeOrCleanFailure(exited(0, "hi\n"), Served.nothing())).get()
                .extracting(Finding::message).asString().contains("never connected");
    }

    @Test
    void aClientThatNeverConnectedDidNotReturnTheLine() {
        assertThat(ClientChecks.lineOrTimeout(exited(0, ""), Served.nothing())).get()
                .extracting(Finding::message).asString().contains("never connected");
    }

    @Test
    void aClientThatPrintedTheServedLinePasses() {
        assertThat(ClientChecks.printedWhole(exited(0, LINE + "\n"), GOOD, false)).isEmpty();
        assertThat(ClientChecks.wholeOrCleanFailure(exited(0, LINE + "\n"), GOOD)).isEmpty();
        assertThat(ClientChecks.lineOrTimeout(exited(0, LINE + "\n"), GOOD)).isEmpty();
    }

    @Test
    void aClientThatPrintedSomethingElseStillFailsAsBefore() {
        assertThat(ClientChecks.printedWhole(exited(0, "24 NOV\n"), GOOD, false)).get()
                .extracting(Finding::message).asString().contains("not the whole timestamp");
    }

    @Test
    void aTimestampWithItsSpacingTidiedIsStillPrintedWhole() {
        // ctime pads a one-digit day with a second space; `echo $(nc ...)` and friends collapse it.
        Served ctime = new Served(true, "Wed Dec  2 06:12:00 2026\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(ClientChecks.printedWhole(exited(0, "Wed Dec 2 06:12:00 2026\n"), ctime, false)).isEmpty();
    }

    @Test
    void aLineCutShortIsNotWholeEvenWhereTheRestReadsAsATimestamp() {
        assertThat(ClientChecks.printedWhole(exited(0, "24 NOV 2026 01:31:31\n"), GOOD, false)).get()
                .extracting(Finding::message).asString().contains("not the whole timestamp");
    }

    @Test
    void anotherInstantIsNotTheServedTimestamp() {
        assertThat(ClientChecks.printedWhole(exited(0, "24 NOV 2026 01:31:32 UTC\n"), GOOD, false)).isPresent();
    }

    @Test
    void aReplyTheParserCannotReadMustBePrintedAsSent() {
        Served odd = new Served(true, "it is tea time\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(ClientChecks.printedWhole(exited(0, "it is tea time\n"), odd, false)).isEmpty();
        assertThat(ClientChecks.printedWhole(exited(0, "it is tea\n"), odd, false)).isPresent();
    }
}
