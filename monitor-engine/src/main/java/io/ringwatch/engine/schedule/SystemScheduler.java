package io.ringwatch.engine.schedule;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} in real time, on one daemon thread. Thread-safe. Close it to stop the
 * thread; tasks not yet started are dropped.
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    private SystemScheduler(String threadName) {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Starts a scheduler whose thread has this name.
     *
     * @throws NullPointerException if {@code threadName} is null
     */
    public static SystemScheduler start(String threadName) {
        return new SystemScheduler(Objects.requireNonNull(threadName, "threadName"));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        requireNotNegative(delay, "delay");
        var future = executor().schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        requireNotNegative(initialDelay, "initialDelay");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        var future = executor().scheduleAtFixedRate(guarded(task), initialDelay.toNanos(), period.toNanos(),
                TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    /** Stops the thread; tasks not yet started are dropped. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private ScheduledExecutorService executor() {
        if (executor.isShutdown()) {
            throw new IllegalStateException("scheduler is shut down");
        }
        return executor;
    }

    private static Runnable guarded(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            try {
                task.run();
            } catch (Throwable failure) {
                LOG.error("A scheduled task failed; the scheduler goes on", failure);
            }
        };
    }

    private static void requireNotNegative(Duration duration, String name) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }
}
