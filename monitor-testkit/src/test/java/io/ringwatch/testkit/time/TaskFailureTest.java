package io.ringwatch.testkit.time;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class TaskFailureTest {
    private final FakeClock clock = FakeClock.awkward();
    private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
    private final RunLog log = new RunLog(clock);
    private final IllegalStateException first = new IllegalStateException("first");
    private final IllegalArgumentException second = new IllegalArgumentException("second");

    @Test
    void runsTheOtherTasksWhenOneThrowsThenFailsTheTest() {
        scheduler.schedule(ofSeconds(1), () -> {
            throw first;
        });
        scheduler.schedule(ofSeconds(2), log.task("still runs"));
        scheduler.schedule(ofSeconds(3), () -> {
            throw second;
        });

        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> scheduler.advance(ofSeconds(5)));

        assertThat(failure).hasMessage("2 scheduled task(s) failed").hasCause(first);
        assertThat(failure.getSuppressed()).containsExactly(second);
        assertThat(log.entries()).containsExactly("still runs@2000ms");
        assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START.plusSeconds(5));
    }

    @Test
    void reportsEachFailureOnce() {
        scheduler.schedule(ofSeconds(1), () -> {
            throw first;
        });
        assertThatThrownBy(() -> scheduler.advance(ofSeconds(1))).isInstanceOf(AssertionError.class);

        scheduler.advance(ofSeconds(1));

        assertThat(scheduler.taskFailures()).containsExactly(first);
    }

    @Test
    void collectsAssertionsThatFailInsideTasks() {
        scheduler.execute(() -> assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START.plusSeconds(1)));

        assertThatThrownBy(scheduler::runUntilIdle)
                .hasMessage("1 scheduled task(s) failed")
                .cause().isInstanceOf(AssertionError.class);
    }

    @Test
    void keepsRunningAPeriodicTaskThatThrows() {
        scheduler.scheduleAtFixedRate(ofSeconds(1), ofSeconds(1), () -> {
            log.record("tick");
            throw first;
        });

        assertThatThrownBy(() -> scheduler.advance(ofSeconds(3))).hasMessage("3 scheduled task(s) failed");

        assertThat(log.entries()).containsExactly("tick@1000ms", "tick@2000ms", "tick@3000ms");
        assertThat(scheduler.pendingCount()).isOne();
    }

    @Test
    void attachesTheFirstHundredFailuresButCountsThemAll() {
        scheduler.scheduleAtFixedRate(ofSeconds(1), ofSeconds(1), () -> {
            throw first;
        });

        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> scheduler.advance(ofSeconds(150)));

        assertThat(failure).hasMessage("150 scheduled task(s) failed (the first 100 are attached)");
        assertThat(failure.getSuppressed()).hasSize(99);
        assertThat(scheduler.taskFailureCount()).isEqualTo(150);
    }

    @Test
    void logsAndListsFailuresInsteadWhenToldToTolerateThem() {
        VirtualTimeScheduler tolerant = VirtualTimeScheduler.on(clock).tolerateTaskFailures();
        tolerant.schedule(ofSeconds(1), () -> {
            throw first;
        });
        tolerant.schedule(ofSeconds(2), () -> {
            throw second;
        });
        tolerant.schedule(ofSeconds(3), log.task("still runs"));

        tolerant.advance(ofSeconds(3));

        assertThat(tolerant.taskFailures()).containsExactly(first, second);
        assertThat(tolerant.taskFailureCount()).isEqualTo(2);
        assertThat(log.entries()).containsExactly("still runs@3000ms");
    }

    @Test
    void reportsFailuresAlongsideAnEndlessLoop() {
        scheduler.execute(() -> {
            throw first;
        });
        scheduler.execute(new Runnable() {
            @Override
            public void run() {
                scheduler.execute(this);
            }
        });

        assertThatThrownBy(scheduler::runUntilIdle)
                .isInstanceOf(IllegalStateException.class)
                .satisfies(endless -> assertThat(endless.getSuppressed()).singleElement()
                        .satisfies(failed -> assertThat(failed).hasMessage("1 scheduled task(s) failed").hasCause(first)));
    }
}
