package io.ringwatch.testkit.time;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.engine.schedule.Cancellable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SchedulerThreadsTest {
    private static final long TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(30);

    private final FakeClock clock = FakeClock.awkward();
    private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
    private final RunLog log = new RunLog(clock);

    @Test
    void acceptsTasksAndCancellationsFromOtherThreads() throws InterruptedException {
        AtomicInteger ran = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> problems = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    Cancellable handle = scheduler.schedule(ofMillis(i), ran::incrementAndGet);
                    if (i % 2 == 1 && !handle.cancel()) {
                        problems.add(new AssertionError("could not cancel " + handle));
                    }
                }
            }, "scheduling-thread-" + t);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join(TIMEOUT_MILLIS);
            assertThat(thread.isAlive()).as("%s finished", thread.getName()).isFalse();
        }

        assertThat(problems).isEmpty();
        assertThat(scheduler.pendingCount()).isEqualTo(2_000);
        scheduler.advance(ofSeconds(1));
        assertThat(ran).hasValue(2_000);
    }

    @Test
    void cancelsATaskFromAnotherThreadBeforeItIsDue() {
        Cancellable handle = scheduler.schedule(ofSeconds(1), log.task("never"));
        AtomicReference<Boolean> cancelled = new AtomicReference<>();
        Thread notifier = new Thread(() -> cancelled.set(handle.cancel()), "notifier");

        notifier.start();
        joinOrFail(notifier);
        scheduler.advance(ofSeconds(2));

        assertThat(cancelled).hasValue(true);
        assertThat(log.entries()).isEmpty();
    }

    @Test
    void runsWhatAnotherThreadSchedulesWhileATaskWaitsForIt() {
        CountDownLatch scheduled = new CountDownLatch(1);
        AtomicReference<Cancellable> victim = new AtomicReference<>();
        scheduler.schedule(ofSeconds(1), () -> {
            log.record("a");
            Thread notifier = new Thread(() -> {
                scheduler.execute(log.task("from the notifier"));
                victim.get().cancel();
                scheduled.countDown();
            }, "notifier");
            notifier.start();
            awaitOrFail(scheduled);
        });
        victim.set(scheduler.schedule(ofSeconds(2), log.task("cancelled by the notifier")));

        scheduler.advance(ofSeconds(2));

        assertThat(log.entries()).containsExactly("a@1000ms", "from the notifier@1000ms");
    }

    @Test
    void refusesToMoveTimeFromInsideARunningTask() {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        scheduler.schedule(ofSeconds(1), () -> {
            try {
                scheduler.advance(ofSeconds(1));
            } catch (IllegalStateException expected) {
                refused.set(expected);
            }
        });
        scheduler.schedule(ofSeconds(2), () -> {
            try {
                scheduler.runUntilIdle();
            } catch (IllegalStateException expected) {
                refused.set(expected);
            }
        });

        scheduler.advance(ofSeconds(1));
        assertThat(refused.get()).hasMessageContaining("advance was called from inside a running task");
        scheduler.advance(ofSeconds(1));
        assertThat(refused.get()).hasMessageContaining("runUntilIdle was called from inside a running task");
        assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START.plusSeconds(2));
    }

    @Test
    void refusesToRunTasksOnTwoThreadsAtOnce() {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        scheduler.execute(() -> {
            Thread intruder = new Thread(() -> {
                try {
                    scheduler.runUntilIdle();
                } catch (IllegalStateException expected) {
                    refused.set(expected);
                }
            }, "intruder");
            intruder.start();
            joinOrFail(intruder);
        });

        scheduler.runUntilIdle();

        assertThat(refused.get()).hasMessageContaining("runUntilIdle was called on thread intruder while thread")
                .hasMessageContaining("one thread at a time");
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            assertThat(latch.await(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void joinOrFail(Thread thread) {
        try {
            thread.join(TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertThat(thread.isAlive()).as("%s finished", thread.getName()).isFalse();
    }
}
