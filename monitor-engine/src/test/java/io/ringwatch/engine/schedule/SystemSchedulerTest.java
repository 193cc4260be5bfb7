package io.ringwatch.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SystemSchedulerTest {

    @Test
    void aPeriodicTaskThatThrowsKeepsRunning() throws InterruptedException {
        try (SystemScheduler scheduler = SystemScheduler.start("periodic-test")) {
            CountDownLatch thirdRun = new CountDownLatch(3);
            scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ofMillis(10), () -> {
                thirdRun.countDown();
                throw new IllegalStateException("boom");
            });
            assertThat(thirdRun.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aCancelledTaskNeverRuns() throws InterruptedException {
        try (SystemScheduler scheduler = SystemScheduler.start("cancel-test")) {
            AtomicInteger runs = new AtomicInteger();
            Cancellable task = scheduler.schedule(Duration.ofMillis(200), runs::incrementAndGet);
            assertThat(task.cancel()).isTrue();
            CountDownLatch later = new CountDownLatch(1);
            scheduler.schedule(Duration.ofMillis(300), later::countDown);
            assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(runs).hasValue(0);
        }
    }

    @Test
    void runsOnOneNamedDaemonThread() throws InterruptedException {
        try (SystemScheduler scheduler = SystemScheduler.start("ringwatch-n1")) {
            CountDownLatch ran = new CountDownLatch(1);
            String[] name = new String[1];
            boolean[] daemon = new boolean[1];
            scheduler.execute(() -> {
                name[0] = Thread.currentThread().getName();
                daemon[0] = Thread.currentThread().isDaemon();
                ran.countDown();
            });
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(name[0]).isEqualTo("ringwatch-n1");
            assertThat(daemon[0]).isTrue();
        }
    }

    @Test
    void rejectsWorkAfterCloseAndNonsenseDelays() {
        SystemScheduler scheduler = SystemScheduler.start("closed-test");
        assertThatThrownBy(() -> scheduler.schedule(Duration.ofMillis(-1), () -> { })).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(Duration.ZERO, Duration.ZERO, () -> { }))
                .hasMessageContaining("period must be positive");
        scheduler.close();
        assertThatThrownBy(() -> scheduler.execute(() -> { })).hasMessage("scheduler is shut down");
    }
}
