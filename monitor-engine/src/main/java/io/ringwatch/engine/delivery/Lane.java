package io.ringwatch.engine.delivery;

import io.ringwatch.engine.DeliveryMode;
import java.time.Duration;

/**
 * Runs tasks one at a time, in order, apart from the engine's own work. Thread-safe.
 */
public interface Lane extends AutoCloseable {

    /** Queues a task. Never blocks; a task that throws is logged and the lane goes on. */
    void execute(Runnable task);

    /**
     * Gives up on {@code task} if it is the one running now: its thread is interrupted and left
     * behind, and a fresh thread goes on with the next task. Does nothing on an inline lane, or
     * if {@code task} is not running.
     *
     * @return whether the task was abandoned
     */
    boolean abandon(Runnable task);

    /** How many abandoned tasks are still running on the threads left behind. */
    int abandonedStillRunning();

    /**
     * Stops taking tasks and waits up to {@code drain} for the queued ones to finish.
     *
     * @return whether every queued task finished in time
     */
    boolean close(Duration drain);

    @Override
    default void close() {
        close(Duration.ZERO);
    }

    /** A lane of the given mode. */
    static Lane open(DeliveryMode mode, String name, int capacity) {
        return mode == DeliveryMode.INLINE ? new InlineLane(name) : new ThreadLane(name, capacity);
    }
}
