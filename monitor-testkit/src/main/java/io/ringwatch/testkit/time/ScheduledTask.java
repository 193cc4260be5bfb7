package io.ringwatch.testkit.time;

import io.ringwatch.engine.schedule.Cancellable;

/**
 * A task in a {@link VirtualTimeScheduler}: its queue entry and, at once, the handle that
 * cancels it, so that scheduling allocates nothing else. A periodic task is one entry for all
 * its runs. The mutable fields are guarded by the scheduler's lock.
 */
final class ScheduledTask implements Cancellable {
    final VirtualTimeScheduler owner;
    final Runnable task;
    /** Nanoseconds between runs, or 0 for a task that runs once. */
    final long period;
    /** Scheduling order, the tie-breaker between tasks due at the same time; kept across runs. */
    final long sequence;
    /** When the next run is due, in nanoseconds past the clock's start. */
    long due;
    /** The position in the queue, or -1 when not pending (run, cancelled, or periodic past the clock's reach). */
    int index = -1;

    ScheduledTask(VirtualTimeScheduler owner, Runnable task, long due, long period, long sequence) {
        this.owner = owner;
        this.task = task;
        this.due = due;
        this.period = period;
        this.sequence = sequence;
    }

    /** Whether this task comes before {@code other}: due earlier, or due together and scheduled earlier. */
    boolean runsBefore(ScheduledTask other) {
        return due < other.due || (due == other.due && sequence < other.sequence);
    }

    /**
     * Takes the task out of its scheduler's queue: it will not start again. Thread-safe.
     *
     * @return whether this stopped something: false if the task has run (a periodic task cancelled
     *     while running returns true: its later runs are stopped), or was cancelled already
     */
    @Override
    public boolean cancel() {
        return owner.cancel(this);
    }

    /** The task, its period if any, and when it is due next. */
    @Override
    public String toString() {
        return owner.describe(this);
    }
}
