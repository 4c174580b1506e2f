package dev.daytimeharness.cli;

import java.util.concurrent.CountDownLatch;

/** For commands that run until Ctrl-C (SIGINT) or SIGTERM: blocks, then stops what they started. */
final class UntilInterrupted {
    private UntilInterrupted() {}

    /** Blocks until the JVM is asked to stop, then runs {@code stop} before it exits. */
    static void await(String name, Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, name + "-shutdown"));
        stopped.await();
    }
}
