package io.ringwatch.engine.watch;

import io.ringwatch.engine.schedule.Cancellable;
import io.ringwatch.engine.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Schedules the watcher's tasks and notices when one runs much later than it was due: the sign
 * that this observer itself was paused (a long GC, a suspended VM), so what it saw around then is
 * not to be trusted. Thread-safe.
 */
final class Timer {
    /** Told when a task runs later than the threshold. */
    interface StallListener {
        void stalled(Instant now, Duration lateness);
    }

    private final Scheduler scheduler;
    private final Clock clock;
    private final Duration threshold;
    private final Object lock;
    private volatile StallListener listener = (now, lateness) -> { };
    private volatile boolean stopped;

    /** Every task runs holding {@code lock}, the watcher's. */
    Timer(Scheduler scheduler, Clock clock, Duration threshold, Object lock) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.threshold = threshold;
        this.lock = lock;
    }

    void onStall(StallListener listener) {
        this.listener = listener;
    }

    Instant now() {
        return clock.instant();
    }

    /** Runs {@code task} {@code delay} from now, holding the lock. */
    Cancellable after(Duration delay, Runnable task) {
        Instant due = clock.instant().plus(delay);
        return scheduler.schedule(delay, () -> {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                checkLateness(due);
                task.run();
            }
        });
    }

    /** From now on no task of this timer runs: the watcher has stopped. */
    void stop() {
        stopped = true;
    }

    /** Runs {@code task} at {@code due}, or at once if that has passed. */
    Cancellable at(Instant due, Runnable task) {
        Duration delay = Duration.between(clock.instant(), due);
        return after(delay.isNegative() ? Duration.ZERO : delay, task);
    }

    private void checkLateness(Instant due) {
        Instant now = clock.instant();
        Duration lateness = Duration.between(due, now);
        if (lateness.compareTo(threshold) > 0) {
            listener.stalled(now, lateness);
        }
    }
}
