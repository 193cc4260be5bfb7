package io.ringwatch.testkit;

import io.ringwatch.engine.schedule.Cancellable;
import io.ringwatch.engine.schedule.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated node's view of the shared virtual-time scheduler: when the node is frozen its
 * tasks wait and run, late, when it thaws; when it is dead they never run. Thread-safe: notifier
 * and event-log threads schedule and cancel through it too.
 */
final class NodeScheduler implements Scheduler {
    private final Scheduler shared;
    private final List<Runnable> held = new ArrayList<>();
    private boolean frozen;
    private boolean dead;

    NodeScheduler(Scheduler shared) {
        this.shared = shared;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Guarded guarded = new Guarded(task);
        guarded.handle = shared.schedule(delay, guarded);
        return guarded;
    }

    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        Guarded guarded = new Guarded(task);
        guarded.handle = shared.scheduleAtFixedRate(initialDelay, period, guarded);
        return guarded;
    }

    synchronized boolean isFrozen() {
        return frozen;
    }

    synchronized void freeze() {
        frozen = true;
    }

    /** Lets the node go on: the tasks that fell due meanwhile run now, in order. */
    void thaw() {
        List<Runnable> late;
        synchronized (this) {
            frozen = false;
            late = new ArrayList<>(held);
            held.clear();
        }
        late.forEach(Runnable::run);
    }

    /** The node is gone for good: nothing of it runs again. */
    synchronized void kill() {
        dead = true;
        held.clear();
    }

    private final class Guarded implements Runnable, Cancellable {
        private final Runnable task;
        private volatile Cancellable handle;
        private boolean cancelled;

        Guarded(Runnable task) {
            this.task = task;
        }

        @Override
        public void run() {
            synchronized (NodeScheduler.this) {
                if (dead || cancelled) {
                    return;
                }
                if (frozen) {
                    held.add(this);
                    return;
                }
            }
            task.run();
        }

        @Override
        public boolean cancel() {
            synchronized (NodeScheduler.this) {
                boolean wasLive = !cancelled;
                cancelled = true;
                Cancellable scheduled = handle;
                return (scheduled != null && scheduled.cancel()) || wasLive && held.remove(this);
            }
        }
    }
}
