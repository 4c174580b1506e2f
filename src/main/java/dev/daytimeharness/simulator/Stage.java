package dev.daytimeharness.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * The socket mechanics every behaviour is made of, in one place. Every wait is bounded by a
 * deadline and ends early when the client leaves or the simulator stops.
 */
public final class Stage {
    /** No connection is held longer than this, whatever the behaviour. */
    static final Duration MAX_HOLD = Duration.ofMinutes(5);
    /** What is kept of the bytes sent, so a test can compare a client's output with it. */
    private static final int TRANSCRIPT_CAP = 8192;

    private final Socket socket;
    private final Clock clock;
    private final java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();

    Stage(Socket socket, Clock clock) {
        this.socket = socket;
        this.clock = clock;
    }

    /** The simulator's notion of now, which behaviours may skew or freeze. */
    public Instant now() {
        return clock.now();
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public void send(byte[] bytes) throws IOException {
        record(bytes);
        write(bytes);
    }

    /**
     * Sends one byte at a time, {@code gap} apart, so the client sees many small reads. The whole
     * text counts as served at once: a client that stops after the first byte has still been
     * served all of it, and must be judged against all of it.
     */
    public void trickle(String text, Duration gap) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        record(bytes);
        for (byte b : bytes) {
            write(new byte[] {b});
            pause(gap);
        }
    }

    private void record(byte[] bytes) {
        synchronized (sent) {
            if (sent.size() < TRANSCRIPT_CAP) {
                sent.write(bytes, 0, Math.min(bytes.length, TRANSCRIPT_CAP - sent.size()));
            }
        }
    }

    private void write(byte[] bytes) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** Waits {@code d}, unless the simulator stops first. */
    public void pause(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("simulator stopping");
        }
    }

    /** Holds the connection open, throwing input away, until the client leaves or {@code max} passes. */
    public void hold(Duration max) throws IOException {
        readUntil(max, false);
    }

    /** Waits for the client to send something; returns what came first, or nothing at the deadline or EOF. */
    public byte[] awaitInput(Duration max) throws IOException {
        return readUntil(max, true);
    }

    private byte[] readUntil(Duration max, boolean stopAtFirstData) throws IOException {
        long end = System.nanoTime() + Math.min(max.toNanos(), MAX_HOLD.toNanos());
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[4096];
        while (true) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new byte[0];
            }
            socket.setSoTimeout((int) Math.max(1, left));
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return new byte[0];
                }
                if (stopAtFirstData) {
                    return java.util.Arrays.copyOf(buf, n);
                }
            } catch (SocketTimeoutException e) {
                return new byte[0];
            }
        }
    }

    /** Resets the connection: an RST instead of a FIN, as a crashing server's kernel sends. */
    public void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** The usual ending: no more output, and the connection closed. */
    public void close() throws IOException {
        socket.close();
    }

    /** The first bytes this connection was sent (up to 8 KiB). */
    byte[] sent() {
        synchronized (sent) {
            return sent.toByteArray();
        }
    }

    /** Time as a behaviour sees it. */
    @FunctionalInterface
    interface Clock {
        Instant now();
    }
}
