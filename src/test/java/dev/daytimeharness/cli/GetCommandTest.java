package dev.daytimeharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daytimeharness.client.ClosedPort;
import dev.daytimeharness.server.DaytimeServer;
import dev.daytimeharness.server.ServerOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class GetCommandTest {

    @Test
    void printsTheTimestampAndExitsZero() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            CliRun run = CliRun.of("get", "127.0.0.1:" + server.start());
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).matches("(?s)\\w+day, \\w+ \\d+, \\d{4} \\d\\d:\\d\\d:\\d\\d-\\w+\r\n");
        }
    }

    @Test
    void printsWhatTheParserFoundWithVerbose() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            CliRun run = CliRun.of("get", "127.0.0.1:" + server.start(), "--verbose");
            assertThat(run.out()).contains("format:      rfc867-long").contains("offset:").contains("line ending CRLF");
        }
    }

    @Test
    void printsOneJsonObjectWithJson() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            CliRun run = CliRun.of("get", "127.0.0.1:" + server.start(), "--json");
            assertThat(run.out().strip()).startsWith("{").endsWith("}").contains("\"outcome\":\"closed\"")
                    .contains("\"offsetSeconds\"");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "get 127.0.0.1:abc      | 2 | 'abc' in '127.0.0.1:abc' is not a port number",
            "get 127.0.0.1:70000    | 2 | out of range",
            "get nosuchhost.invalid | 1 | cannot resolve host nosuchhost.invalid",
            "serve --port -1        | 2 | --port -1 is out of range",
            "get 127.0.0.1:1 --timeout soon | 2 | 'soon' is not a duration",
            "get                    | 2 | Missing required parameter",
            "frobnicate             | 2 | Unmatched argument",
    })
    void badInputGivesOneLineAndTheDocumentedExitCode(String args, int code, String message) {
        CliRun run = CliRun.of(args.split(" "));
        assertThat(run.exitCode()).isEqualTo(code);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void refusedConnectionSaysSoWithAHint() throws IOException {
        int port = ClosedPort.pick();
        CliRun run = CliRun.of("get", "127.0.0.1:" + port);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("connection refused").contains("is a daytime server running");
    }

    @Test
    void aSilentServerEndsAtTheDeadline() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("get", "127.0.0.1:" + silent.getLocalPort(), "--timeout", "300ms");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err().strip()).isEqualTo("daytime-harness: no reply from 127.0.0.1:" + silent.getLocalPort()
                    + " within 300ms (try --timeout)");
        }
    }

    @Test
    void aReplyOverTheCapFails() throws IOException {
        try (ServerSocket big = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = big.accept()) {
                    s.getOutputStream().write(new byte[5000]);
                } catch (IOException ignored) {
                    // The client may have gone at its cap.
                }
            });
            t.start();
            CliRun run = CliRun.of("get", "127.0.0.1:" + big.getLocalPort(), "--max-bytes", "100");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("is longer than the read cap of 100 bytes; it began \"\\0\\0\\0");
        }
    }

    @Test
    void aPortInUseGivesOneLineAndExitOne() {
        try (DaytimeServer server = new DaytimeServer(ServerOptions.loopback(0), System.err)) {
            CliRun run = CliRun.of("serve", "--port", String.valueOf(server.start()));
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("address already in use");
        }
    }

    @Test
    void helpListsExamplesAndExitCodes() {
        CliRun run = CliRun.of("get", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Examples:").contains("Exit codes:");
    }
}
