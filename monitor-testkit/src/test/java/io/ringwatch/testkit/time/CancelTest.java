package io.ringwatch.testkit.time;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.engine.schedule.Cancellable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CancelTest {
    private final FakeClock clock = FakeClock.awkward();
    private final VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
    private final RunLog log = new RunLog(clock);

    @Test
    void aCancelledTaskNeverRuns() {
        Cancellable never = scheduler.schedule(ofSeconds(1), log.task("never"));
        scheduler.schedule(ofSeconds(1), log.task("other"));

        never.cancel();
        scheduler.advance(ofSeconds(10));

        assertThat(log.entries()).containsExactly("other@1000ms");
    }

    @Test
    void dropsTheTaskFromThePendingCountAtOnce() {
        Cancellable a = scheduler.schedule(ofSeconds(1), log.task("a"));
        scheduler.schedule(ofSeconds(2), log.task("b"));

        a.cancel();

        assertThat(scheduler.pendingCount()).isOne();
        assertThat(scheduler.nextDueTime()).contains(FakeClock.AWKWARD_START.plusSeconds(2));
    }

    @Test
    void saysItCancelledOnlyWhenItStoppedSomething() {
        Cancellable pending = scheduler.schedule(ofSeconds(1), log.task("a"));
        Cancellable ran = scheduler.schedule(ofSeconds(1), log.task("b"));
        assertThat(pending.cancel()).isTrue();
        assertThat(pending.cancel()).isFalse();

        scheduler.advance(ofSeconds(1));

        assertThat(ran.cancel()).isFalse();
    }

    @Test
    void stopsAPeriodicTaskForGood() {
        Cancellable tick = scheduler.scheduleAtFixedRate(ofSeconds(1), ofSeconds(1), log.task("tick"));
        scheduler.advance(ofSeconds(2));

        assertThat(tick.cancel()).isTrue();
        scheduler.advance(ofSeconds(10));

        assertThat(log.entries()).containsExactly("tick@1000ms", "tick@2000ms");
        assertThat(tick.cancel()).isFalse();
    }

    @Test
    void stopsAPeriodicTaskThatCancelsItselfDuringARun() {
        AtomicReference<Cancellable> self = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        self.set(scheduler.scheduleAtFixedRate(ofSeconds(1), ofSeconds(1), () -> {
            log.record("tick");
            if (log.entries().size() == 3) {
                stopped.set(self.get().cancel());
            }
        }));

        scheduler.advance(ofSeconds(10));

        assertThat(log.entries()).containsExactly("tick@1000ms", "tick@2000ms", "tick@3000ms");
        assertThat(stopped).isTrue();
        assertThat(scheduler.pendingCount()).isZero();
    }

    @Test
    void cannotCallOffAOneShotTaskThatIsAlreadyRunning() {
        AtomicReference<Cancellable> self = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean(true);
        self.set(scheduler.schedule(ofSeconds(1), () -> stopped.set(self.get().cancel())));

        scheduler.advance(ofSeconds(1));

        assertThat(stopped).isFalse();
    }

    @Test
    void skipsATaskCancelledByAnEarlierTaskDueAtTheSameTime() {
        AtomicReference<Cancellable> victim = new AtomicReference<>();
        scheduler.schedule(ofSeconds(1), () -> {
            log.record("a");
            victim.get().cancel();
        });
        victim.set(scheduler.schedule(ofSeconds(1), log.task("b")));
        scheduler.schedule(ofSeconds(1), log.task("c"));

        scheduler.advance(ofSeconds(1));

        assertThat(log.entries()).containsExactly("a@1000ms", "c@1000ms");
    }

    @Test
    void cancelsATaskScheduledByARunningTaskForTheSameInstant() {
        scheduler.schedule(ofSeconds(1), () -> scheduler.execute(log.task("never")).cancel());

        scheduler.advance(ofSeconds(1));

        assertThat(log.entries()).isEmpty();
        assertThat(scheduler.pendingCount()).isZero();
    }
}
