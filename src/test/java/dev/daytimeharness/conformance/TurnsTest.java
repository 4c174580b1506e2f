package dev.daytimeharness.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TurnsTest {

    @Test
    void aSharedScenarioWaitsUntilEveryScenarioThatRunsAloneIsDone() throws InterruptedException {
        Turns turns = new Turns();
        turns.plan(2);
        AtomicBoolean sharedGotIn = new AtomicBoolean();
        Thread shared = new Thread(() -> {
            try (Turns.Turn t = turns.take(false)) {
                sharedGotIn.set(true);
            }
        });
        Turns.Turn first = turns.take(true);
        shared.start();
        awaitWaiting(shared);
        first.close();
        Turns.Turn second = turns.take(true);
        assertThat(sharedGotIn).as("a shared scenario beside the second @load one").isFalse();
        second.close();
        shared.join();
        assertThat(sharedGotIn).isTrue();
    }

    @Test
    void scenariosThatRunAloneRunOneAtATime() throws InterruptedException {
        Turns turns = new Turns();
        turns.plan(2);
        AtomicBoolean secondGotIn = new AtomicBoolean();
        Turns.Turn first = turns.take(true);
        Thread other = new Thread(() -> {
            try (Turns.Turn t = turns.take(true)) {
                secondGotIn.set(true);
            }
        });
        other.start();
        awaitWaiting(other);
        assertThat(secondGotIn).isFalse();
        first.close();
        other.join();
        assertThat(secondGotIn).isTrue();
    }

    @Test
    void sharedScenariosRunSideBySide() throws InterruptedException {
        Turns turns = new Turns();
        turns.plan(0);
        CountDownLatch bothIn = new CountDownLatch(2);
        Runnable share = () -> {
            try (Turns.Turn t = turns.take(false)) {
                bothIn.countDown();
                bothIn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread a = new Thread(share);
        Thread b = new Thread(share);
        a.start();
        b.start();
        assertThat(bothIn.await(10, TimeUnit.SECONDS)).as("both held a shared turn at once").isTrue();
        a.join();
        b.join();
    }

    @Test
    void aSerialRunPlansNoneAndNothingWaits() {
        Turns turns = new Turns();
        turns.plan(0);
        turns.take(false).close();
        turns.take(true).close();
        turns.take(false).close();
    }

    /** Until {@code t} is parked in {@link Turns#take}: waiting, not merely not yet started. */
    private static void awaitWaiting(Thread t) throws InterruptedException {
        while (t.getState() != Thread.State.WAITING) {
            assertThat(t.isAlive() || t.getState() == Thread.State.NEW).as("still trying").isTrue();
            Thread.sleep(5);
        }
    }
}
