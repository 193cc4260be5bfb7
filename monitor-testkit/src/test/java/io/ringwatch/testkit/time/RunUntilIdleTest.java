package io.ringwatch.testkit.time;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunUntilIdleTest {
    private final FakeClock clock = FakeClock.awkward();
    private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
    private final RunLog log = new RunLog(clock);

    @Test
    void runsOnlyTheTasksDueNowAndSaysHowManyRan() {
        scheduler.execute(log.task("a"));
        scheduler.schedule(Duration.ZERO, log.task("b"));
        scheduler.schedule(Duration.ofNanos(1), log.task("later"));

        assertThat(scheduler.runUntilIdle()).isEqualTo(2);

        assertThat(log.entries()).containsExactly("a@0ms", "b@0ms");
        assertThat(scheduler.pendingCount()).isOne();
        assertThat(scheduler.runUntilIdle()).isZero();
    }

    @Test
    void doesNotMoveTheClock() {
        scheduler.execute(log.task("a"));
        scheduler.schedule(ofSeconds(1), log.task("later"));

        scheduler.runUntilIdle();

        assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START);
    }

    @Test
    void runsWhatRunningTasksScheduleForNow() {
        scheduler.execute(() -> {
            log.record("a");
            scheduler.execute(() -> {
                log.record("b");
                scheduler.execute(log.task("c"));
                scheduler.schedule(ofSeconds(1), log.task("later"));
            });
        });

        assertThat(scheduler.runUntilIdle()).isEqualTo(3);

        assertThat(log.entries()).containsExactly("a@0ms", "b@0ms", "c@0ms");
    }

    @Test
    void runsAPeriodicTaskWithNoInitialDelayOnce() {
        scheduler.scheduleAtFixedRate(Duration.ZERO, ofSeconds(1), log.task("tick"));

        assertThat(scheduler.runUntilIdle()).isOne();
        assertThat(scheduler.pendingCount()).isOne();
    }

    @Test
    void catchesUpOnTasksLeftBehindWhenTheClockWasMovedDirectly() {
        scheduler.scheduleAtFixedRate(Duration.ZERO, ofSeconds(1), log.task("tick"));
        clock.advance(ofSeconds(3));

        assertThat(scheduler.runUntilIdle()).isEqualTo(4);

        assertThat(log.entries()).containsExactly("tick@3000ms", "tick@3000ms", "tick@3000ms", "tick@3000ms");
        assertThat(scheduler.nextDueTime()).contains(FakeClock.AWKWARD_START.plusSeconds(4));
    }

    @Test
    void stopsATaskThatKeepsReschedulingItselfForNow() {
        scheduler.execute(new Runnable() {
            @Override
            public void run() {
                scheduler.execute(this);
            }

            @Override
            public String toString() {
                return "the endless task";
            }
        });

        assertThatThrownBy(scheduler::runUntilIdle)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("10000000 tasks in a row at 1969-12-31T23:59:59.876543211Z")
                .hasMessageContaining("the endless task");
        assertThat(scheduler.executedCount()).isEqualTo(VirtualTimeScheduler.MAX_RUNS_AT_ONE_INSTANT);
        assertThat(scheduler.pendingCount()).isOne();
    }
}
