package dev.daytimeharness.client.load;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one worker thread has counted: exchange times, completions and errors by kind. The worker
 * adds; the reporting thread reads each second, and restarts it when the warm-up ends.
 */
final class Tally {
    private final Latencies all = new Latencies();
    private final Latencies thisSecond = new Latencies();
    private final Map<ErrorKind, Long> errors = LoadReport.noErrors();
    private long completed;
    private long unfinished;
    private long extraReplies;

    synchronized void completed(long nanos) {
        all.add(nanos);
        thisSecond.add(nanos);
        completed++;
    }

    synchronized void failed(ErrorKind kind) {
        errors.merge(kind, 1L, Long::sum);
    }

    /** A UDP reply to a request already answered: an amplifier's, not an exchange. */
    synchronized void extraReply() {
        extraReplies++;
    }

    synchronized long extraReplies() {
        return extraReplies;
    }

    /** Exchanges still in flight when the run ended: neither completed nor failed. */
    synchronized void unfinished(long n) {
        unfinished += n;
    }

    synchronized long unfinished() {
        return unfinished;
    }

    /** Forgets everything counted so far: what the warm-up measured is not the result. */
    synchronized void restart() {
        all.clear();
        thisSecond.clear();
        errors.replaceAll((k, v) -> 0L);
        completed = 0;
        extraReplies = 0;
    }

    /** Moves this second's exchange times into {@code into}; returns the completions so far. */
    synchronized long takeSecond(Latencies into) {
        into.addAll(thisSecond);
        thisSecond.clear();
        return completed;
    }

    synchronized long completed() {
        return completed;
    }

    synchronized void addErrors(Map<ErrorKind, Long> into) {
        errors.forEach((k, v) -> into.merge(k, v, Long::sum));
    }

    synchronized void addTimes(Latencies into) {
        into.addAll(all);
    }

    synchronized Map<ErrorKind, Long> errors() {
        return new EnumMap<>(errors);
    }
}
