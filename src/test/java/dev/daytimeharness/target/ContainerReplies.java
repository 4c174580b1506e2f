package dev.daytimeharness.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.daytimeharness.client.Endpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** What the container tests do as a client, with plain sockets, and what they expect back. */
final class ContainerReplies {

    static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final int MAX_REPLY = 64 * 1024;

    private ContainerReplies() {
    }

    /** Skips the test, saying why, unless an engine answers and it has {@code image}. */
    static void assumeEngineWithImage(String image) {
        DockerEngine.Availability engine = DockerEngine.availability();
        assumeTrue(engine.available(), engine.reason());
        assumeTrue(DockerEngine.hasImage(image),
                "the image " + image + " is missing: run .ci/docker.sh (or docker/build-local.sh) to build it");
    }

    /** Connects, sends nothing, and reads until the server closes: one RFC 867 TCP exchange. */
    static byte[] readUntilEof(Endpoint server, Duration deadline) throws IOException {
        long end = System.nanoTime() + deadline.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), (int) deadline.toMillis());
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            byte[] chunk = new byte[1024];
            while (reply.size() < MAX_REPLY) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new SocketTimeoutException("no EOF from " + server + " within " + deadline.toMillis() + " ms");
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                int n = in.read(chunk);
                if (n < 0) {
                    return reply.toByteArray();
                }
                reply.write(chunk, 0, n);
            }
            throw new IOException(server + " sent more than " + MAX_REPLY + " bytes without closing");
        }
    }

    /** Sends one datagram (RFC 867: its content is ignored) and returns the answer; UDP may drop, so up to three tries. */
    static byte[] askByDatagram(Endpoint server, Duration deadlinePerTry) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout((int) deadlinePerTry.toMillis());
            InetSocketAddress target = new InetSocketAddress(server.host(), server.port());
            SocketTimeoutException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                socket.send(new DatagramPacket(new byte[] {'?'}, 1, target));
                DatagramPacket answer = new DatagramPacket(new byte[MAX_REPLY], MAX_REPLY);
                try {
                    socket.receive(answer);
                    return Arrays.copyOf(answer.getData(), answer.getLength());
                } catch (SocketTimeoutException e) {
                    last = e;
                }
            }
            throw last;
        }
    }

    /** One printable ASCII line ending in CRLF that names this year: what inetd-style servers send. */
    static void assertPlausibleTimestampLine(byte[] reply) {
        String text = new String(reply, StandardCharsets.US_ASCII);
        assertThat(text).as("reply %s", escaped(reply)).endsWith("\r\n");
        String line = text.substring(0, text.length() - 2);
        assertThat(line).as("reply %s", escaped(reply)).isNotBlank().doesNotContain("\r", "\n");
        assertThat(line.chars()).as("reply %s is printable ASCII", escaped(reply)).allMatch(c -> c >= 0x20 && c < 0x7f);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Either side of New Year the server's zone may already (or still) be in another year.
        List<String> years = List.of(today.getYear() - 1, today.getYear(), today.getYear() + 1).stream().map(String::valueOf).toList();
        assertThat(line).as("reply %s names the year", escaped(reply)).containsAnyOf(years.toArray(String[]::new));
    }

    static String escaped(byte[] reply) {
        return new String(reply, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
    }
}
