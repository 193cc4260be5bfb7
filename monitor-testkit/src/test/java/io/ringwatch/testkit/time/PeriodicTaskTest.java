package io.ringwatch.testkit.time;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {
    private final FakeClock clock = FakeClock.awkward();
    private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
    private final RunLog log = new RunLog(clock);

    @Test
    void runsEveryPeriodThatFallsInTheWindow() {
        scheduler.scheduleAtFixedRate(Duration.ZERO, ofSeconds(10), log.task("tick"));

        scheduler.advance(ofSeconds(30));

        assertThat(log.entries()).containsExactly("tick@0ms", "tick@10000ms", "tick@20000ms", "tick@30000ms");
    }

    @Test
    void runsTheNthTimeAtStartPlusNPeriodsWithoutDriftOverTenThousandPeriods() {
        Duration initialDelay = Duration.ofNanos(13);
        Duration period = Duration.ofNanos(999_999_937);
        Instant first = clock.instant().plus(initialDelay);
        List<Instant> seen = new ArrayList<>();
        scheduler.scheduleAtFixedRate(initialDelay, period, () -> seen.add(clock.instant()));

        while (seen.size() < 10_000) {
            scheduler.advance(Duration.ofMillis(7_301).plusNanos(17)); // windows never line up with runs
        }

        for (int n = 0; n < seen.size(); n++) {
            assertThat(seen.get(n)).as("run %d", n).isEqualTo(first.plus(period.multipliedBy(n)));
        }
    }

    @Test
    void staysOnItsScheduleAfterALateRun() {
        List<Instant> seen = new ArrayList<>();
        scheduler.scheduleAtFixedRate(ofSeconds(1), ofSeconds(1), () -> {
            seen.add(clock.instant());
            if (seen.size() == 1) {
                clock.advance(Duration.ofMillis(1_500)); // a slow first run makes the second one late
            }
        });

        scheduler.advance(ofSeconds(4));

        Instant start = FakeClock.AWKWARD_START;
        assertThat(seen).containsExactly(start.plusSeconds(1), start.plusMillis(2_500), start.plusSeconds(3),
                start.plusSeconds(4));
    }

    @Test
    void countsAsOnePendingTaskUntilCancelled() {
        var tick = scheduler.scheduleAtFixedRate(ofSeconds(1), ofSeconds(1), log.task("tick"));

        scheduler.advance(ofSeconds(5));
        assertThat(scheduler.pendingCount()).isOne();
        assertThat(scheduler.nextDueTime()).contains(FakeClock.AWKWARD_START.plusSeconds(6));

        assertThat(tick.cancel()).isTrue();
        assertThat(scheduler.pendingCount()).isZero();
    }

    @Test
    void keepsThePlaceOfItsFirstSchedulingAmongTasksDueAtTheSameTime() {
        scheduler.schedule(ofSeconds(20), log.task("scheduled before"));
        scheduler.scheduleAtFixedRate(ofSeconds(10), ofSeconds(10), log.task("tick"));
        scheduler.schedule(ofSeconds(20), log.task("scheduled after"));

        scheduler.advance(ofSeconds(20));

        assertThat(log.entries())
                .containsExactly("tick@10000ms", "scheduled before@20000ms", "tick@20000ms", "scheduled after@20000ms");
    }

    @Test
    void stopsWhereTheClockCannotFollow() {
        Duration century = Duration.ofDays(36_525);
        scheduler.scheduleAtFixedRate(Duration.ZERO, century, log.task("centennial"));

        scheduler.advance(century.multipliedBy(2));

        assertThat(log.entries()).hasSize(3);
        assertThat(scheduler.pendingCount()).isZero();
    }
}
