package io.ringwatch.testkit.time;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskOrderTest {
    private final FakeClock clock = FakeClock.awkward();
    private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
    private final RunLog log = new RunLog(clock);

    @Test
    void runsNothingUntilTimeIsAdvanced() {
        scheduler.execute(log.task("a"));

        assertThat(log.entries()).isEmpty();
        assertThat(scheduler.pendingCount()).isOne();
    }

    @Test
    void runsTasksInDueTimeOrderWhateverOrderTheyWereScheduledIn() {
        scheduler.schedule(ofSeconds(3), log.task("c"));
        scheduler.schedule(ofSeconds(1), log.task("a"));
        scheduler.schedule(ofSeconds(2), log.task("b"));

        scheduler.advance(ofSeconds(5));

        assertThat(log.entries()).containsExactly("a@1000ms", "b@2000ms", "c@3000ms");
    }

    @Test
    void runsTasksDueAtTheSameTimeInSchedulingOrder() {
        scheduler.schedule(ofSeconds(1), log.task("first"));
        scheduler.schedule(ofMillis(500), log.task("earlier"));
        scheduler.schedule(ofSeconds(1), log.task("second"));
        clock.advance(ofMillis(400));
        scheduler.schedule(ofMillis(600), log.task("third"));

        scheduler.advance(ofSeconds(1));

        assertThat(log.entries()).containsExactly("earlier@500ms", "first@1000ms", "second@1000ms", "third@1000ms");
    }

    @Test
    void showsEachTaskItsOwnDueTimeOnTheClock() {
        List<Instant> seen = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        Instant start = clock.instant();
        for (long nanos : new long[] {1, 123_456_789, 999_999_999, 3_600_000_000_007L}) {
            scheduler.schedule(Duration.ofNanos(nanos), () -> {
                seen.add(clock.instant());
                millis.add(clock.millis());
            });
        }

        scheduler.advance(Duration.ofHours(2));

        assertThat(seen).containsExactly(start.plusNanos(1), Instant.EPOCH,
                start.plusNanos(999_999_999), start.plusNanos(3_600_000_000_007L));
        assertThat(millis).containsExactly(-124L, 0L, 876L, 3_599_876L);
    }

    @Test
    void leavesTheClockAtTheEndOfTheWindow() {
        scheduler.schedule(ofSeconds(1), log.task("a"));

        scheduler.advance(ofSeconds(90));
        assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START.plusSeconds(90));

        scheduler.advance(Duration.ZERO);
        scheduler.advance(Duration.ofNanos(1));
        assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START.plusSeconds(90).plusNanos(1));
    }

    @Test
    void runsATaskDueAtTheEndOfTheWindowButNotOneDueANanosecondLater() {
        scheduler.schedule(ofSeconds(1), log.task("on time"));
        scheduler.schedule(ofSeconds(1).plusNanos(1), log.task("later"));

        scheduler.advance(ofSeconds(1));

        assertThat(log.entries()).containsExactly("on time@1000ms");
        assertThat(scheduler.pendingCount()).isOne();
        assertThat(scheduler.nextDueTime()).contains(FakeClock.AWKWARD_START.plusSeconds(1).plusNanos(1));
    }

    @Test
    void runsTasksThatRunningTasksScheduleWhenTheyFallDueInTheWindow() {
        scheduler.schedule(ofSeconds(1), () -> {
            log.record("a");
            scheduler.schedule(ofSeconds(2), () -> {
                log.record("b");
                scheduler.schedule(ofSeconds(5), log.task("c"));
            });
        });

        scheduler.advance(ofSeconds(4));

        assertThat(log.entries()).containsExactly("a@1000ms", "b@3000ms");
        assertThat(scheduler.nextDueTime()).contains(FakeClock.AWKWARD_START.plusSeconds(8));
    }

    @Test
    void runsZeroDelayTasksScheduledByARunningTaskAfterTheTasksAlreadyDueThen() {
        scheduler.schedule(ofSeconds(1), () -> {
            log.record("a");
            scheduler.execute(() -> {
                log.record("a's follow-up");
                scheduler.schedule(Duration.ZERO, log.task("its follow-up"));
            });
        });
        scheduler.schedule(ofSeconds(1), log.task("b"));
        scheduler.schedule(ofSeconds(2), log.task("c"));

        scheduler.advance(ofSeconds(1));

        assertThat(log.entries())
                .containsExactly("a@1000ms", "b@1000ms", "a's follow-up@1000ms", "its follow-up@1000ms");
    }

    @Test
    void advancesToAnInstantTheSameWay() {
        scheduler.schedule(ofSeconds(2), log.task("b"));
        scheduler.schedule(ofSeconds(1), log.task("a"));

        scheduler.advanceTo(Instant.EPOCH.plusSeconds(1));

        assertThat(log.entries()).containsExactly("a@1000ms");
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusSeconds(1));
        scheduler.advanceTo(clock.instant());
        assertThat(log.entries()).hasSize(1);
    }

    @Test
    void refusesToGoBack() {
        assertThatThrownBy(() -> scheduler.advance(ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scheduler.advanceTo(FakeClock.AWKWARD_START.minusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1969-12-31T23:59:59.876543211Z")
                .hasMessageContaining("1969-12-31T23:59:59.876543210Z");
    }

    @Test
    void readsNowFromTheClockWhenScheduling() {
        clock.advance(ofSeconds(10));
        scheduler.schedule(ofSeconds(1), log.task("a"));

        assertThat(scheduler.nextDueTime()).contains(FakeClock.AWKWARD_START.plusSeconds(11));
    }

    @Test
    void runsOverdueTasksInOrderAtTheTimeTheClockWasMovedTo() {
        scheduler.schedule(ofSeconds(2), log.task("b"));
        scheduler.schedule(ofSeconds(1), log.task("a"));
        clock.advance(ofSeconds(10));

        scheduler.advance(ofSeconds(1));

        assertThat(log.entries()).containsExactly("a@10000ms", "b@10000ms");
        assertThat(clock.instant()).isEqualTo(FakeClock.AWKWARD_START.plusSeconds(11));
    }

    @Test
    void refusesBadDelaysAndPeriods() {
        Runnable task = log.task("never");

        assertThatThrownBy(() -> scheduler.schedule(ofMillis(-1), task))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
        assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(ofMillis(-1), ofSeconds(1), task))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialDelay");
        assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(ofSeconds(1), Duration.ZERO, task))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> scheduler.scheduleAtFixedRate(ofSeconds(1), ofSeconds(-1), task))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        assertThatThrownBy(() -> scheduler.schedule(ofSeconds(1), null))
                .isInstanceOf(NullPointerException.class);
        assertThat(scheduler.pendingCount()).isZero();
    }

    @Test
    void refusesTasksDueFurtherThanTheClockCanGo() {
        assertThatThrownBy(() -> scheduler.schedule(Duration.ofDays(365L * 300), log.task("a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("292 years");
        assertThatThrownBy(() -> scheduler.advance(Duration.ofDays(365L * 300)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("292 years");
        assertThat(scheduler.pendingCount()).isZero();
    }

    @Test
    void saysWhatIsPendingAndWhen() {
        assertThat(scheduler.nextDueTime()).isEmpty();
        var handle = scheduler.schedule(ofSeconds(1), new Runnable() {
            @Override
            public void run() {
            }

            @Override
            public String toString() {
                return "check n3";
            }
        });

        assertThat(handle).hasToString("check n3, due at 1970-01-01T00:00:00.876543211Z");
        assertThat(scheduler).hasToString("VirtualTimeScheduler[now=1969-12-31T23:59:59.876543211Z, pending=1,"
                + " next due at 1970-01-01T00:00:00.876543211Z]");
        scheduler.advance(ofSeconds(1));
        assertThat(handle).hasToString("check n3, not pending");
        assertThat(scheduler.executedCount()).isOne();
    }
}
