package io.ringwatch.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ThreadLaneTest {

    @Test
    void runsTasksOneAtATimeInOrder() {
        ThreadLane lane = new ThreadLane("order", 100);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 50; i++) {
            int task = i;
            lane.execute(() -> ran.add(task));
        }
        assertThat(lane.close(Duration.ofSeconds(10))).isTrue();
        assertThat(ran).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void dropsTheOldestTaskWhenFull() throws InterruptedException {
        ThreadLane lane = new ThreadLane("full", 2);
        CountDownLatch blocking = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        lane.execute(() -> {
            started.countDown();
            awaitQuietly(blocking);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        lane.execute(() -> ran.add("oldest"));
        lane.execute(() -> ran.add("middle"));
        lane.execute(() -> ran.add("newest"));
        blocking.countDown();
        assertThat(lane.close(Duration.ofSeconds(10))).isTrue();
        assertThat(ran).containsExactly("middle", "newest");
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheLane() {
        ThreadLane lane = new ThreadLane("throwing", 10);
        List<String> ran = new CopyOnWriteArrayList<>();
        lane.execute(() -> {
            throw new IllegalStateException("boom");
        });
        lane.execute(() -> ran.add("after"));
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.size() == 1);
        lane.close(Duration.ofSeconds(1));
    }

    @Test
    void anAbandonedTaskIsInterruptedAndTheRestRunOnAFreshThread() throws InterruptedException {
        ThreadLane lane = new ThreadLane("abandon", 10);
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        List<String> threads = new CopyOnWriteArrayList<>();
        Runnable hanging = () -> {
            threads.add(Thread.currentThread().getName());
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException expected) {
                interrupted.countDown();
            }
        };
        lane.execute(hanging);
        lane.execute(() -> threads.add(Thread.currentThread().getName()));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(lane.abandon(() -> { })).as("only the running task can be abandoned").isFalse();
        assertThat(lane.abandon(hanging)).isTrue();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> threads.size() == 2);
        assertThat(threads.get(1)).isNotEqualTo(threads.get(0)).startsWith("ringwatch-abandon-");
        lane.close(Duration.ofSeconds(1));
    }

    @Test
    void closingLetsTheRunningTaskFinishUninterrupted() throws Exception {
        ThreadLane lane = new ThreadLane("closing", 10);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        lane.execute(() -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        java.util.concurrent.CompletableFuture<Boolean> closed =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> lane.close(Duration.ofSeconds(10)));
        release.countDown();

        assertThat(closed.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isFalse();
    }

    @Test
    void closingGivesUpOnTasksThatOutlastTheDrainTime() throws InterruptedException {
        ThreadLane lane = new ThreadLane("slow", 10);
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        lane.execute(() -> {
            started.countDown();
            awaitQuietly(never);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lane.close(Duration.ofMillis(100))).isFalse();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
