package dev.daytimeharness.faults.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.UncheckedBooleanSupplier;

/**
 * How much one read of a socket takes: the channel's own sizes (Netty's adaptive guess, at most
 * 64 KiB) while its bytes go through the JVM, a whole {@link Direction#SPLICE_CHUNK} while they are
 * spliced. Netty splices in at most its guess at a time and then waits for the socket again, so
 * with its guess a 1 MiB chunk would take sixteen waits. Installed before the socket's first read,
 * when Netty makes its handle.
 */
final class SpliceReads implements RecvByteBufAllocator {
    private final RecvByteBufAllocator own;
    private boolean splicing;

    SpliceReads(RecvByteBufAllocator own) {
        this.own = own;
    }

    /** Set on the event loop as a chunk of splice(2) starts and ends. */
    void splicing(boolean on) {
        splicing = on;
    }

    @Override
    public Handle newHandle() {
        return new Sized((ExtendedHandle) own.newHandle());
    }

    private final class Sized implements ExtendedHandle {
        private final ExtendedHandle own;

        Sized(ExtendedHandle own) {
            this.own = own;
        }

        @Override
        public int guess() {
            return splicing ? Direction.SPLICE_CHUNK : own.guess();
        }

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            return own.allocate(alloc);
        }

        @Override
        public void reset(ChannelConfig config) {
            own.reset(config);
        }

        @Override
        public void incMessagesRead(int numMessages) {
            own.incMessagesRead(numMessages);
        }

        @Override
        public void lastBytesRead(int bytes) {
            own.lastBytesRead(bytes);
        }

        @Override
        public int lastBytesRead() {
            return own.lastBytesRead();
        }

        @Override
        public void attemptedBytesRead(int bytes) {
            own.attemptedBytesRead(bytes);
        }

        @Override
        public int attemptedBytesRead() {
            return own.attemptedBytesRead();
        }

        @Override
        public boolean continueReading() {
            return own.continueReading();
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
            return own.continueReading(maybeMoreDataSupplier);
        }

        @Override
        public void readComplete() {
            own.readComplete();
        }
    }
}
