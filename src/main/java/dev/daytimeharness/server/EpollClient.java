package dev.daytimeharness.server;

import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.unix.FileDescriptor;

/**
 * One client of {@link EpollAcceptLoop}: its reply and how much of it is out, then its input to
 * throw away. Only the loop's thread touches it.
 */
final class EpollClient implements EpollIoHandle {
    final FileDescriptor socket;
    final byte[] reply;
    private final EpollAcceptLoop loop;
    IoRegistration registration;
    int sent;
    long deadlineNanos;
    boolean draining;
    boolean closed;

    EpollClient(EpollAcceptLoop loop, FileDescriptor socket, byte[] reply) {
        this.loop = loop;
        this.socket = socket;
        this.reply = reply;
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    @Override
    public void handle(IoRegistration registration, IoEvent event) {
        if (!closed) {
            loop.ready(this, ((EpollIoEvent) event).ops());
        }
    }

    /** Netty's call, as its loop shuts down. */
    @Override
    public void close() {
        loop.close(this);
    }
}
