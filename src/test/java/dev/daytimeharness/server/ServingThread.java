package dev.daytimeharness.server;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a server's thread is doing while it waits for sockets: its stack, one frame a line. */
final class ServingThread {
    private ServingThread() {}

    /**
     * The frames of the thread named {@code name}, once it sits in a native wait (its top frame is a
     * native method named for waiting: epoll_wait, by whichever route, and not some other native
     * call that a busy moment caught it in); fails when that does not happen by the deadline.
     */
    static String waitingFrames(String name, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        String last = "(no thread named " + name + ")";
        while (System.nanoTime() < end) {
            for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                StackTraceElement[] frames = e.getValue();
                if (e.getKey().getName().equals(name) && frames.length > 0) {
                    last = Arrays.stream(frames).map(f -> f.getClassName() + "." + f.getMethodName())
                            .collect(Collectors.joining("\n"));
                    if (frames[0].isNativeMethod() && frames[0].getMethodName().toLowerCase(Locale.ROOT).contains("wait")) {
                        return last;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " never waited in a native call; last seen:\n" + last);
    }
}
