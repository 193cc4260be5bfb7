package io.ringwatch.engine.schedule;

import java.time.Duration;

/**
 * Runs the engine's tasks later. The engine schedules everything through this interface:
 * check cycles, retries, timeouts, reminders, deferred notifications.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Order.</b> Tasks run in due-time order; tasks due at the same time run in the
 *       order they were scheduled.</li>
 *   <li><b>No drift.</b> A periodic task's n-th run is due at {@code start + n·period}, however
 *       long earlier runs took.</li>
 *   <li><b>Isolation.</b> A task that throws is logged; it stops neither the scheduler nor, for
 *       a periodic task, its later runs.</li>
 *   <li><b>Threading.</b> Methods may be called from any thread, including from a running task.
 *       Tasks must be short: they run one after another, and a long task makes the rest late.</li>
 * </ul>
 */
public interface Scheduler {

    /**
     * Runs {@code task} once, {@code delay} from now.
     *
     * @param delay zero or more
     * @return a handle to call it off
     * @throws IllegalArgumentException if {@code delay} is negative
     * @throws IllegalStateException if the scheduler is shut down
     */
    Cancellable schedule(Duration delay, Runnable task);

    /**
     * Runs {@code task} {@code initialDelay} from now and then every {@code period}.
     *
     * @param initialDelay zero or more
     * @param period more than zero
     * @return a handle to stop it
     * @throws IllegalArgumentException if {@code initialDelay} is negative or {@code period} is not positive
     * @throws IllegalStateException if the scheduler is shut down
     */
    Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task);

    /**
     * Runs {@code task} as soon as possible, after the tasks already due.
     *
     * @return a handle to call it off
     * @throws IllegalStateException if the scheduler is shut down
     */
    default Cancellable execute(Runnable task) {
        return schedule(Duration.ZERO, task);
    }
}
