package dev.daytimeharness.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One run's hold on its report directory. Every report of the run (Cucumber's JUnit XML, JSON and
 * HTML, results.json, report.html) is written into {@code <dir>/.staging-<pid>}; {@link #publish()}
 * renames each into place only once the run has written them all, so a reader of {@code <dir>}
 * sees the previous run's file or this run's, never half of one. {@code <dir>/.lock} is held for the
 * run: a second writer is refused instead of overwriting the first. Interrupted (SIGINT, SIGTERM),
 * the run's staging directory is deleted and the previous reports stay as they were.
 */
public final class ReportDir implements AutoCloseable {
    static final String LOCK = ".lock";
    static final String STAGING_PREFIX = ".staging-";
    /** Bounds the deletion of a staging directory that a still-running writer keeps adding to. */
    private static final int DELETE_ATTEMPTS = 5;

    private final Path dir;
    private final Path staging;
    private final FileChannel lockFile;
    private final FileLock lock;
    private final Thread onInterrupt;
    private final Consumer<String> say;
    private boolean finished;

    private ReportDir(Path dir, Path staging, FileChannel lockFile, FileLock lock, Consumer<String> say) {
        this.dir = dir;
        this.staging = staging;
        this.lockFile = lockFile;
        this.lock = lock;
        this.say = say;
        this.onInterrupt = new Thread(this::interrupted, "report-dir-cleanup");
    }

    /** Why a run cannot have the directory; the message is one line for the user. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Takes the directory for this run, making it if needed.
     *
     * @throws Refused when it cannot be made or written, or another run holds it
     */
    public static ReportDir open(Path dir) throws Refused {
        return open(dir, line -> { });
    }

    /** The same, telling {@code say} in one line when an interrupted run's reports were discarded. */
    public static ReportDir open(Path dir, Consumer<String> say) throws Refused {
        made(dir);
        Path lockPath = dir.resolve(LOCK);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new Refused(dir + ": cannot open " + lockPath + " (" + e.getClass().getSimpleName() + ")");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This JVM already holds it: another run in the same process.
            lock = null;
        } catch (IOException e) {
            close(channel);
            throw new Refused(dir + ": cannot lock " + lockPath + " (" + e.getClass().getSimpleName() + ")");
        }
        if (lock == null) {
            String holder = holder(lockPath);
            close(channel);
            throw new Refused(dir + " is in use by another run (" + holder + "); wait for it to finish,"
                    + " or give each run its own --report");
        }
        try {
            claim(channel);
            removeStaleStaging(dir);
            Path staging = Files.createDirectory(dir.resolve(STAGING_PREFIX + ProcessHandle.current().pid()));
            ReportDir held = new ReportDir(dir, staging, channel, lock, say);
            Runtime.getRuntime().addShutdownHook(held.onInterrupt);
            return held;
        } catch (IOException e) {
            close(channel);
            throw new Refused(dir + ": cannot prepare the reports (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
    }

    /** The directory the run's reports are written into until {@link #publish()}. */
    public Path staging() {
        return staging;
    }

    /** The directory the user named. */
    public Path dir() {
        return dir;
    }

    /** Renames every report the run wrote into place, each in one atomic step, replacing the previous one. */
    public synchronized void publish() throws IOException {
        if (finished) {
            throw new IOException("the run was interrupted; its reports were discarded");
        }
        List<Path> written = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            files.forEach(written::add);
        }
        for (Path file : written) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("unexpected " + file + " among the reports");
            }
            Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        finished = true;
        Files.deleteIfExists(staging);
    }

    /** Ends the run's hold: what was not published is discarded, and the lock is released. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run; it discards the staging directory itself.
        }
        abandon();
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it too.
        }
        close(lockFile);
    }

    /** The shutdown hook: SIGINT or SIGTERM before the run published. */
    private void interrupted() {
        boolean discarding;
        synchronized (this) {
            discarding = !finished;
            abandon();
        }
        if (discarding) {
            say.accept("interrupted: this run's reports were discarded; " + dir + " still holds the previous run's");
        }
    }

    /** Deletes the unpublished reports: on close without publish, and from the shutdown hook. */
    private synchronized void abandon() {
        finished = true;
        for (int attempt = 0; attempt < DELETE_ATTEMPTS && Files.exists(staging); attempt++) {
            try {
                deleteTree(staging);
            } catch (IOException | UncheckedIOException e) {
                // A writer still running added a file meanwhile: try again, a bounded number of times.
            }
        }
    }

    private static void made(Path dir) throws Refused {
        if (dir.toString().isBlank()) {
            throw new Refused("--report needs a directory");
        }
        if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
            throw new Refused(dir + ": a symbolic link to " + linkTarget(dir)
                    + ", which does not exist (make that directory, or give another --report)");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Refused(dir + ": cannot make the directory (" + (Files.exists(dir)
                    ? "a file of that name is in the way" : e.getClass().getSimpleName() + ": " + e.getMessage()) + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new Refused(dir + ": the directory is not writable");
        }
    }

    private static String linkTarget(Path link) {
        try {
            return String.valueOf(Files.readSymbolicLink(link));
        } catch (IOException e) {
            return "a missing file";
        }
    }

    /** Writes this process's ID into the lock file, so a refused second run can say who holds it. */
    private static void claim(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
    }

    private static String holder(Path lockPath) {
        try {
            String text = Files.readString(lockPath, StandardCharsets.US_ASCII).strip();
            if (text.matches("pid \\d{1,10}")) {
                long pid = Long.parseLong(text.substring(4));
                return pid == ProcessHandle.current().pid() ? "an earlier run in this process" : "process " + pid;
            }
        } catch (IOException | RuntimeException ignored) {
            // Fall through to the lock file's name.
        }
        return "it holds " + lockPath;
    }

    /** A run killed with SIGKILL leaves its staging directory; the next holder of the lock clears it. */
    private static void removeStaleStaging(Path dir) throws IOException {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, STAGING_PREFIX + "*")) {
            for (Path s : stale) {
                deleteTree(s);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException gone) {
            // Already deleted.
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written through it that matters.
        }
    }
}
