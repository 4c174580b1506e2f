package dev.daytimeharness.faults.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.AbstractEpollStreamChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.util.function.IntSupplier;

/** What one socket of a link reports (bytes, its FIN, its close, its errors), handed to the link. */
final class Side extends ChannelInboundHandlerAdapter {
    private final Link link;
    private final boolean client;
    private final IntSupplier version;

    Side(Link link, boolean client, IntSupplier version) {
        this.link = link;
        this.client = client;
        this.version = version;
    }

    /** Before the socket's first read, when Netty makes its read-size handle: a spliced chunk is read whole. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ChannelConfig config = ctx.channel().config();
        if (ctx.channel() instanceof AbstractEpollStreamChannel) {
            config.setRecvByteBufAllocator(new SpliceReads(config.getRecvByteBufAllocator()));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        link.read(client, (ByteBuf) msg, version.getAsInt());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        link.readComplete(client);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            link.inputEnded(client, version.getAsInt());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        link.writabilityChanged(client);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        link.inactive(client);
    }

    /** A read or write failed (a reset, say): the whole connection goes, as with Toxiproxy. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        link.close();
    }
}
