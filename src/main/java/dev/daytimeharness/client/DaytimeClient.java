package dev.daytimeharness.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The reference daytime client over TCP: it reads until the server closes, never trusting a single
 * read, and stops at the byte cap or the deadline, whichever comes first.
 */
public final class DaytimeClient {
    private static final int CHUNK = 1024;

    private DaytimeClient() {}

    /** Never throws for network trouble: how the exchange ended is in {@link Exchange#outcome()}. */
    public static Exchange fetch(Endpoint endpoint, ClientOptions options) {
        Recorder rec = new Recorder(endpoint, options.maxBytes());
        long deadline = rec.startNanos + options.deadline().toNanos();
        InetSocketAddress address = null;
        try (Socket socket = new Socket()) {
            address = new InetSocketAddress(endpoint.host(), endpoint.port());
            if (address.isUnresolved()) {
                return rec.failed(Outcome.UNKNOWN_HOST, "cannot resolve host " + endpoint.host());
            }
            long connectMillis = Math.min(options.connectTimeout().toMillis(), remainingMillis(deadline));
            socket.connect(address, (int) Math.max(1, connectMillis));
            rec.connected();
            // A client that has read the reply has no reason to wait for the kernel's graceful close.
            socket.setSoLinger(true, 0);
            send(socket.getOutputStream(), options.sendFirst());
            return read(socket, rec, deadline);
        } catch (IOException e) {
            return failed(rec, e, address);
        }
    }

    /** One line per way an exchange breaks; which way it was comes from the exception's type. */
    private static Exchange failed(Recorder rec, IOException e, InetSocketAddress address) {
        SocketFailure failure = rec.isConnected() || address == null || address.isUnresolved()
                ? SocketFailure.of(e, rec.isConnected()) : SocketFailure.ofConnect(e, address);
        return switch (failure) {
            case UNKNOWN_HOST -> rec.failed(Outcome.UNKNOWN_HOST, "cannot resolve host " + rec.endpoint.host());
            case REFUSED -> rec.failed(Outcome.REFUSED, "connection refused");
            case UNREACHABLE -> rec.failed(Outcome.UNREACHABLE, "no route to host");
            case TIMEOUT -> rec.failed(rec.isConnected() ? Outcome.TIMEOUT : Outcome.CONNECT_TIMEOUT,
                    rec.isConnected() ? "no end of reply within the deadline" : "no answer within the connect deadline");
            case RESET -> rec.failed(Outcome.RESET, "connection reset");
            case OTHER -> rec.failed(Outcome.IO_ERROR, message(e));
        };
    }

    private static Exchange read(Socket socket, Recorder rec, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[CHUNK];
        while (true) {
            long left = remainingMillis(deadline);
            if (left <= 0) {
                return rec.failed(Outcome.TIMEOUT, "the server did not close within the deadline");
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                return rec.failed(Outcome.TIMEOUT, "the server did not close within the deadline");
            }
            if (n < 0) {
                return rec.finished(Outcome.CLOSED, "");
            }
            if (!rec.append(chunk, n)) {
                return rec.finished(Outcome.TOO_LARGE, "the reply is over " + rec.cap + " bytes");
            }
        }
    }

    private static void send(OutputStream out, byte[] data) {
        if (data.length == 0) {
            return;
        }
        try {
            out.write(data);
            out.flush();
        } catch (IOException e) {
            // A server that closed before reading what we sent may still have replied: read on.
        }
    }

    private static String message(IOException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.toLowerCase(Locale.ROOT);
    }

    private static long remainingMillis(long deadlineNanos) {
        return (deadlineNanos - System.nanoTime()) / 1_000_000;
    }

    /** Collects the bytes and the times of one exchange. */
    private static final class Recorder {
        final Endpoint endpoint;
        final int cap;
        final Instant requestedAt = Instant.now();
        final long startNanos = System.nanoTime();
        long connectedNanos = -1;
        long firstByteNanos = -1;
        byte[] buffer = new byte[256];
        int length;
        int reads;

        Recorder(Endpoint endpoint, int cap) {
            this.endpoint = endpoint;
            this.cap = cap;
        }

        void connected() {
            connectedNanos = System.nanoTime();
        }

        boolean isConnected() {
            return connectedNanos >= 0;
        }

        /** Keeps at most {@code cap} bytes; false once the reply has grown past it. */
        boolean append(byte[] chunk, int n) {
            if (firstByteNanos < 0) {
                firstByteNanos = System.nanoTime();
            }
            reads++;
            int keep = Math.min(n, cap - length);
            if (length + keep > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + keep));
            }
            System.arraycopy(chunk, 0, buffer, length, keep);
            length += keep;
            return keep == n;
        }

        Exchange failed(Outcome outcome, String detail) {
            return finished(outcome, detail);
        }

        Exchange finished(Outcome outcome, String detail) {
            long now = System.nanoTime();
            Optional<Duration> connect = isConnected() ? Optional.of(Duration.ofNanos(connectedNanos - startNanos)) : Optional.empty();
            Optional<Duration> first = firstByteNanos >= 0 ? Optional.of(Duration.ofNanos(firstByteNanos - connectedNanos)) : Optional.empty();
            Optional<Duration> end = isConnected() ? Optional.of(Duration.ofNanos(now - connectedNanos)) : Optional.empty();
            Instant receivedAt = requestedAt.plusNanos(now - startNanos);
            return new Exchange(endpoint, requestedAt, receivedAt, connect, first, end,
                    java.util.Arrays.copyOf(buffer, length), reads, outcome, detail);
        }
    }
}
