package dev.daytimeharness.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine probe against fake engines on real Unix sockets: no Docker needed. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DockerEngineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void knowsWhenTestcontainersWouldPullAHelperToFindTheHost() throws IOException {
        Path dockerenv = java.nio.file.Files.createFile(dir.resolve(".dockerenv"));

        assertThat(DockerEngine.wouldPullHostHelper(java.util.Map.of(), dockerenv)).isTrue();
        assertThat(DockerEngine.wouldPullHostHelper(java.util.Map.of("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1"),
                dockerenv)).isFalse();
        assertThat(DockerEngine.wouldPullHostHelper(java.util.Map.of(), dir.resolve("absent"))).isFalse();
    }

    @Test
    void aMissingSocketIsReportedWithTheWayToGetAnEngine() {
        Optional<String> problem = DockerEngine.ping(dir.resolve("docker.sock"), DEADLINE);

        assertThat(problem).hasValueSatisfying(reason -> assertThat(reason)
                .contains("docker.sock does not exist").contains(".ci/docker.sh"));
    }

    @Test
    void anEngineThatAnswersThePingIsUsable() throws Exception {
        Path socket = dir.resolve("ok.sock");
        try (ServerSocketChannel engine = fakeEngine(socket)) {
            CompletableFuture<String> request = answerOnce(engine, "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nOK");

            assertThat(DockerEngine.ping(socket, DEADLINE)).isEmpty();
            assertThat(request.get(5, TimeUnit.SECONDS)).startsWith("GET /_ping HTTP/1.0\r\n");
        }
    }

    @Test
    void anEngineThatAnswersAnErrorIsReportedWithItsStatusLine() throws Exception {
        Path socket = dir.resolve("error.sock");
        try (ServerSocketChannel engine = fakeEngine(socket)) {
            answerOnce(engine, "HTTP/1.0 500 Internal Server Error\r\n\r\n");

            assertThat(DockerEngine.ping(socket, DEADLINE))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("'HTTP/1.0 500 Internal Server Error'"));
        }
    }

    @Test
    void aSocketThatClosesWithoutAnAnswerIsReported() throws Exception {
        Path socket = dir.resolve("mute.sock");
        try (ServerSocketChannel engine = fakeEngine(socket)) {
            answerOnce(engine, "");

            assertThat(DockerEngine.ping(socket, DEADLINE))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("answered nothing"));
        }
    }

    @Test
    void anEngineThatNeverAnswersIsGivenUpOnAtTheDeadline() throws Exception {
        Path socket = dir.resolve("stuck.sock");
        try (ServerSocketChannel engine = fakeEngine(socket)) {
            // Accepted by the kernel's backlog, never read, never answered.
            assertThat(DockerEngine.ping(socket, Duration.ofMillis(300)))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("no complete answer"));
        }
    }

    @Test
    void aSocketFileWithNoEngineBehindItIsReported() throws Exception {
        Path socket = dir.resolve("stale.sock");
        fakeEngine(socket).close(); // the file stays, nobody listens: an engine that died

        assertThat(DockerEngine.ping(socket, DEADLINE))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("cannot reach the Docker engine at " + socket));
    }

    private static ServerSocketChannel fakeEngine(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return server;
    }

    /** Accepts one connection, reads its request head, sends {@code answer} and closes; yields the request. */
    private static CompletableFuture<String> answerOnce(ServerSocketChannel server, String answer) {
        return CompletableFuture.supplyAsync(() -> {
            try (SocketChannel client = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                StringBuilder request = new StringBuilder();
                while (!request.toString().contains("\r\n\r\n") && client.read(buffer) > 0) {
                    request.append(new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII));
                    buffer.clear();
                }
                client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
                return request.toString();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
