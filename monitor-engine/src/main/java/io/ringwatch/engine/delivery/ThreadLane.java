package io.ringwatch.engine.delivery;

import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lane on a daemon thread of its own with a bounded queue. When the queue is full the oldest
 * task is dropped with a warning. A task that hangs can be abandoned: its thread is interrupted
 * and left behind, and a fresh thread takes the rest of the queue.
 */
final class ThreadLane implements Lane {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadLane.class);

    private static final long IDLE_CHECK_MILLIS = 50;

    private final String name;
    private final BlockingDeque<Runnable> queue;
    private final AtomicInteger generation = new AtomicInteger();
    private final Object lock = new Object();
    private final java.util.List<Thread> abandoned = new java.util.ArrayList<>();
    private volatile Worker worker;
    private volatile boolean closed;

    ThreadLane(String name, int capacity) {
        this.name = name;
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.worker = startWorker();
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            LOG.warn("Lane {} is closed; a task was dropped", name);
            return;
        }
        while (!queue.offerLast(task)) {
            if (queue.pollFirst() != null) {
                LOG.warn("Lane {} is full; dropped its oldest task", name);
            }
        }
    }

    @Override
    public boolean abandon(Runnable task) {
        synchronized (lock) {
            Worker stuck = worker;
            if (stuck.current != task) {
                return false;
            }
            stuck.retired = true;
            stuck.thread.interrupt();
            abandoned.add(stuck.thread);
            if (!closed) {
                worker = startWorker();
            }
            return true;
        }
    }

    @Override
    public int abandonedStillRunning() {
        synchronized (lock) {
            abandoned.removeIf(thread -> !thread.isAlive());
            return abandoned.size();
        }
    }

    @Override
    public boolean close(Duration drain) {
        closed = true;
        long deadline = System.nanoTime() + drain.toNanos();
        Worker current = worker;
        current.stopWhenEmpty = true; // it finishes what is queued and stops: nothing is interrupted
        try {
            current.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        boolean drained = queue.isEmpty() && !current.thread.isAlive();
        if (!drained) {
            LOG.warn("Lane {} did not finish its {} queued task(s) in {}", name, queue.size(), drain);
            current.retired = true;
            current.thread.interrupt();
        }
        return drained;
    }

    private Worker startWorker() {
        Worker fresh = new Worker();
        fresh.thread = new Thread(fresh, "ringwatch-" + name + "-" + generation.incrementAndGet());
        fresh.thread.setDaemon(true);
        fresh.thread.start();
        return fresh;
    }

    private final class Worker implements Runnable {
        Thread thread;
        volatile boolean retired;
        volatile boolean stopWhenEmpty;
        volatile Runnable current;

        @Override
        public void run() {
            while (!retired) {
                Runnable task;
                try {
                    // Waits a little at a time, so that a lane asked to close notices it when idle.
                    task = queue.pollFirst(IDLE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    continue; // abandoned, or an interrupt meant for the previous task: check and go on
                }
                if (task == null) {
                    if (stopWhenEmpty) {
                        return;
                    }
                    continue;
                }
                current = task;
                try {
                    task.run();
                } catch (Throwable failure) {
                    LOG.error("A task on lane {} failed; the lane goes on", name, failure);
                } finally {
                    current = null;
                }
                Thread.interrupted(); // an interrupt aimed at the finished task must not reach the next one
            }
        }
    }
}
