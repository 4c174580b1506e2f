package dev.daytimeharness.faults.link;

import io.netty.channel.epoll.AbstractEpollStreamChannel;
import io.netty.channel.unix.FileDescriptor;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pipe that splice(2) moves a stream's bytes through on their way to a socket, made
 * {@link #SIZE} instead of Linux's 64 KiB: one splice in and one out then carry a whole chunk, where
 * a 64 KiB pipe takes sixteen of each and as many waits, and on loopback every wait is a wake-up of
 * the reader on the other core. Netty makes the pipe itself (its destination's) and has no call to
 * size it, and Java has none for fcntl(2): JNA (which Testcontainers brings) calls it, loaded once on
 * a thread of its own so the event loop never waits for the library. Until it has loaded, or where
 * it cannot, Netty's own pipe serves, only slower.
 */
final class SplicePipe {
    static final int SIZE = 1 << 20;
    /** Linux's F_SETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7). */
    private static final int F_SETPIPE_SZ = 1031;
    /**
     * Pipes this size at once, at most: beyond pipe-user-pages-soft (64 MiB of pipes for one user)
     * Linux gives every new pipe of that user two pages, the shell's too.
     */
    private static final int MAX_BIG = 16;
    private static final AtomicInteger big = new AtomicInteger();
    /** Pipes sized so far: tests see the size was set. */
    private static final AtomicLong sized = new AtomicLong();
    private static final Object LOADING = new Object();
    private static final Object UNAVAILABLE = new Object();
    /** LOADING, UNAVAILABLE, or JNA's fcntl function (kept as Object: JNA is loaded only when it is there). */
    private static volatile Object fcntl;

    private static final Field PIPE_IN = field("pipeIn");
    private static final Field PIPE_OUT = field("pipeOut");

    private SplicePipe() {}

    /**
     * Makes {@code destination}'s pipe {@link #SIZE} before its next splice, between chunks, when
     * the pipe is empty: a new one where Netty has made none yet. True once settled (sized, or left
     * to Netty for good); false: ask again at the next chunk.
     */
    static boolean fit(AbstractEpollStreamChannel destination) {
        Object f = fcntl;
        if (f == null || f == LOADING) {
            load();
            return false;
        }
        if (f == UNAVAILABLE) {
            return true;
        }
        if (big.incrementAndGet() > MAX_BIG) {
            big.decrementAndGet();
            return false;
        }
        try {
            FileDescriptor out = (FileDescriptor) PIPE_OUT.get(destination);
            FileDescriptor[] made = out == null ? FileDescriptor.pipe() : null;
            int fd = made == null ? out.intValue() : made[1].intValue();
            if (((com.sun.jna.Function) f).invokeInt(new Object[] {fd, F_SETPIPE_SZ, SIZE}) < 0) {
                // Over pipe-max-size or the user's pipe pages: Netty's own pipe, at its size.
                if (made != null) {
                    made[0].close();
                    made[1].close();
                }
                big.decrementAndGet();
                return true;
            }
            if (made != null) {
                PIPE_IN.set(destination, made[0]);
                PIPE_OUT.set(destination, made[1]);
            }
            sized.incrementAndGet();
            // Netty closes the pipe with the channel; the count follows.
            destination.closeFuture().addListener(c -> big.decrementAndGet());
            return true;
        } catch (Exception | LinkageError e) {
            big.decrementAndGet();
            fcntl = UNAVAILABLE;
            return true;
        }
    }

    static long sized() {
        return sized.get();
    }

    /** Whether fcntl(2) is at hand, loading it first if nothing has yet. */
    static boolean available() {
        Object f = fcntl;
        if (f == null) {
            load();
        }
        return f != null && f != LOADING && f != UNAVAILABLE;
    }

    private static synchronized void load() {
        if (fcntl != null) {
            return;
        }
        fcntl = LOADING;
        Thread t = new Thread(() -> {
            try {
                fcntl = com.sun.jna.NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME).getFunction("fcntl");
            } catch (Throwable e) {
                // No JNA, no libc by that name, no native stub for this machine: Netty's pipes it is.
                fcntl = UNAVAILABLE;
            }
        }, "splice-pipe-fcntl");
        t.setDaemon(true);
        t.start();
    }

    /** Netty's fields for the pipe; a Netty without them leaves the pipes to it. */
    private static Field field(String name) {
        try {
            Field f = AbstractEpollStreamChannel.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            fcntl = UNAVAILABLE;
            return null;
        }
    }
}
