package dev.daytimeharness.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client of the reference server: its unsent reply, then its input to throw away.
 * RFC 867: the server sends the time, "any data received is thrown away", and then closes.
 */
final class Connection {
    /** Reads of client input per wake-up: enough to keep up, bounded so a flood cannot starve others. */
    private static final int DRAIN_READS_PER_WAKE = 4;

    final SocketChannel channel;
    private final ByteBuffer reply;
    long deadlineNanos;
    boolean draining;
    boolean closed;

    Connection(SocketChannel channel, byte[] reply) {
        this.channel = channel;
        this.reply = ByteBuffer.wrap(reply);
    }

    /** Writes what the socket takes; true when the whole reply is out. */
    boolean write() throws IOException {
        channel.write(reply);
        return !reply.hasRemaining();
    }

    /**
     * Half-closes, so the client sees EOF after the reply, and reads what the client sent. Closing
     * with unread input would make the kernel send a reset, which can destroy the reply before the
     * client reads it; so input is drained first. True when the client has closed its side too.
     */
    boolean finishSending(ByteBuffer scratch) throws IOException {
        channel.shutdownOutput();
        return drain(scratch);
    }

    /** Throws client input away; true at the client's EOF. */
    boolean drain(ByteBuffer scratch) throws IOException {
        for (int i = 0; i < DRAIN_READS_PER_WAKE; i++) {
            scratch.clear();
            int n = channel.read(scratch);
            if (n < 0) {
                return true;
            }
            if (n == 0) {
                return false;
            }
        }
        return false;
    }

    void close(SelectionKey key) {
        if (closed) {
            return;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // The client went away first; nothing is lost.
        }
    }
}
