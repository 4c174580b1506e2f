package dev.daytimeharness.client;

import io.netty.channel.unix.Errors;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * shutdown(fd, SHUT_WR) on an accepted descriptor: the FIN after the reply, with the input side left
 * open to drain. Netty's public {@link Socket} asks the kernel for the socket's address (getsockname)
 * as it is made, a system call per connection that the shutdown does not need; so Netty's shutdown
 * native is called on the descriptor directly, and through a {@code Socket} only where it cannot be.
 */
public final class HalfClose {
    private static final MethodHandle SHUTDOWN = find();

    private HalfClose() {}

    public static void output(FileDescriptor fd) throws IOException {
        if (SHUTDOWN == null) {
            new Socket(fd.intValue()).shutdown(false, true);
            return;
        }
        int result;
        try {
            result = (int) SHUTDOWN.invokeExact(fd.intValue(), false, true);
        } catch (Throwable e) {
            throw new IOException("shutdown failed: " + e, e);
        }
        if (result < 0) {
            throw Errors.newIOException("shutdown", result);
        }
    }

    /** Whether the direct call is in use (false: each shutdown costs a getsockname too). */
    public static boolean direct() {
        return SHUTDOWN != null;
    }

    private static MethodHandle find() {
        try {
            return MethodHandles.privateLookupIn(Socket.class, MethodHandles.lookup()).findStatic(Socket.class,
                    "shutdown", MethodType.methodType(int.class, int.class, boolean.class, boolean.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
