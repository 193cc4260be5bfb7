package io.ringwatch.testkit.time;

import io.ringwatch.engine.schedule.Cancellable;
import io.ringwatch.engine.schedule.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Scheduler} in virtual time: nothing runs until the test says so, and then the due
 * tasks run on the test's own thread, in a fraction of the time they stand for.
 *
 * <pre>{@code
 * FakeClock clock = FakeClock.awkward();
 * VirtualTimeScheduler scheduler = VirtualTimeScheduler.on(clock);
 * MonitorEngine engine = ...;          // built with clock and scheduler
 * scheduler.advance(Duration.ofHours(24)); // a simulated day, in well under a second
 * }</pre>
 *
 * <h2>How tasks run</h2>
 * <ul>
 *   <li><b>Order.</b> {@link #advance(Duration)}, {@link #advanceTo(Instant)} and
 *       {@link #runUntilIdle()} run due tasks in due-time order; tasks due at the same time run
 *       in the order they were scheduled (a periodic task keeps the place of its first
 *       scheduling for all its runs). Tasks that running tasks schedule are included when they
 *       fall due in time, zero-delay tasks included: they run after the tasks already due.</li>
 *   <li><b>Each task sees its own due time.</b> Before a task runs the clock is set to its due
 *       time, so it reads exactly when it was meant to run. If the clock was moved on directly
 *       ({@link FakeClock#advance(Duration)}) past tasks that had not run yet, they run late, in
 *       order, with the clock showing the time it has reached: it never goes back.</li>
 *   <li><b>No drift.</b> The n-th run of a periodic task is due at exactly
 *       {@code start + n·period}, counted in whole nanoseconds.</li>
 *   <li><b>Cancel really cancels.</b> A cancelled task never starts again and leaves
 *       {@link #pendingCount()} at once, whichever thread cancels it and whenever.</li>
 *   <li><b>Failures.</b> A task that throws does not stop the others, nor its own later runs.
 *       But a test must not pass when its tasks fail: when a run method has finished running
 *       tasks, it throws an {@link AssertionError} "N scheduled task(s) failed" whose cause is
 *       the first failure and whose suppressed exceptions are the others (at most 100 are
 *       attached). After {@link #tolerateTaskFailures()} failures are logged instead, and
 *       {@link #taskFailures()} lists them.</li>
 *   <li><b>Endless loops.</b> More than {@value #MAX_RUNS_AT_ONE_INSTANT} runs in a row at one
 *       instant (a task that keeps rescheduling itself with no delay, say) end the run method
 *       with an {@link IllegalStateException} naming the last task.</li>
 *   <li><b>Reach.</b> The clock counts nanoseconds from its start in a long: scheduling a task
 *       due more than about 292 years after the clock's start is an
 *       {@link IllegalArgumentException}, and a periodic task stops there.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * {@code schedule}, {@code scheduleAtFixedRate}, {@code execute}, {@link Cancellable#cancel()}
 * and the queries may be called from any thread, including from running tasks and from threads
 * the code under test starts (a notifier's, say). The run methods may be called by one thread at
 * a time, and not from inside a running task; they throw {@link IllegalStateException}
 * otherwise. Drive each clock with one scheduler.
 *
 * <p>The run loop allocates nothing per task beyond the entry each {@code schedule} call creates,
 * logs nothing, and takes an uncontended lock once per run, so millions of tasks run per second.
 */
public final class VirtualTimeScheduler implements Scheduler {

    /** How many tasks may run in a row at one instant before a run method gives up. */
    public static final int MAX_RUNS_AT_ONE_INSTANT = 10_000_000;

    private final FakeClock clock;
    private final TimeSource time;
    private final Object lock = new Object();
    private final TaskQueue queue = new TaskQueue(); // guarded by lock
    private long sequence; // guarded by lock
    private final AtomicReference<Thread> runner = new AtomicReference<>();
    private final TaskFailures failures = new TaskFailures();
    private volatile long executed; // written only by the runner

    private VirtualTimeScheduler(FakeClock clock) {
        this.clock = clock;
        this.time = clock.source();
    }

    /**
     * A scheduler with no tasks, driven by {@code clock}: it reads "now" from the clock and moves
     * the clock as it runs tasks. Failing tasks make the run methods throw unless
     * {@link #tolerateTaskFailures()} is called.
     *
     * @param clock the clock to read and move; give each clock one scheduler
     * @return a new scheduler
     * @throws NullPointerException if {@code clock} is null
     */
    public static VirtualTimeScheduler on(FakeClock clock) {
        return new VirtualTimeScheduler(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * From now on, a task that throws is logged (SLF4J, warning) and listed in
     * {@link #taskFailures()} rather than making the run method throw: for tests that inject
     * failures on purpose. Thread-safe.
     *
     * @return this scheduler
     */
    public VirtualTimeScheduler tolerateTaskFailures() {
        failures.tolerate();
        return this;
    }

    /**
     * The clock this scheduler reads and moves. Thread-safe.
     *
     * @return the clock given to {@link #on(FakeClock)}
     */
    public FakeClock clock() {
        return clock;
    }

    /**
     * Runs {@code task} once, {@code delay} after the instant the clock shows. Thread-safe.
     *
     * @return a handle that calls the task off; its {@code toString()} names the task and its due time
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code delay} is negative, or the task would be due more
     *     than about 292 years after the clock's start
     */
    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        requireNotNegative(delay, "delay");
        return enqueue(Objects.requireNonNull(task, "task"), delay, 0L);
    }

    /**
     * Runs {@code task} {@code initialDelay} after the instant the clock shows, then every
     * {@code period}: the n-th run is due at exactly {@code first + n·period}. Thread-safe.
     *
     * @return a handle that stops the task for good, even from inside one of its runs
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code initialDelay} is negative, {@code period} is not
     *     positive, or the first run would be due more than about 292 years after the clock's start
     */
    @Override
    public Cancellable scheduleAtFixedRate(Duration initialDelay, Duration period, Runnable task) {
        requireNotNegative(initialDelay, "initialDelay");
        Objects.requireNonNull(period, "period");
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
        return enqueue(Objects.requireNonNull(task, "task"), initialDelay, FakeClock.toNanos(period));
    }

    /**
     * Runs every task due from now up to {@code duration} from now, on the calling thread, in
     * order, setting the clock to each task's due time before it runs; then leaves the clock
     * {@code duration} on from where it was. Tasks scheduled by running tasks run too if they fall
     * due within that time.
     *
     * @param duration how far to move virtual time, zero or more
     * @throws NullPointerException if {@code duration} is null
     * @throws IllegalArgumentException if {@code duration} is negative, or would take the clock
     *     more than about 292 years past its start
     * @throws IllegalStateException if called from inside a running task or while another thread
     *     runs tasks, or if more than {@value #MAX_RUNS_AT_ONE_INSTANT} tasks ran in a row at one
     *     instant (the clock then stays at that instant)
     * @throws AssertionError if any task threw, unless failures are {@linkplain
     *     #tolerateTaskFailures() tolerated}; the tasks all ran and the clock has moved
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("Virtual time cannot go back: cannot advance by " + duration);
        }
        long now = time.elapsed();
        long target = time.plus(now, FakeClock.toNanos(duration));
        if (target < 0) {
            throw time.beyondHorizon("Advancing by " + duration + " from " + time.instantAt(now));
        }
        run(target, true, "advance");
    }

    /**
     * Like {@link #advance(Duration)}, up to {@code instant}, which may be the instant the clock
     * shows already.
     *
     * @param instant where to move virtual time, not before the instant the clock shows
     * @throws NullPointerException if {@code instant} is null
     * @throws IllegalArgumentException if {@code instant} is before the instant the clock shows
     *     (the message names both), or more than about 292 years past the clock's start
     * @throws IllegalStateException as {@link #advance(Duration)} does
     * @throws AssertionError as {@link #advance(Duration)} does
     */
    public void advanceTo(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        Instant now = clock.instant();
        if (instant.isBefore(now)) {
            throw TimeSource.backwards(now, instant);
        }
        run(time.elapsedAt(instant), true, "advanceTo");
    }

    /**
     * Runs, on the calling thread and in order, every task due at or before the instant the
     * clock shows, including the tasks that those tasks schedule for now. Does not move the clock.
     *
     * @return how many tasks ran
     * @throws IllegalStateException if called from inside a running task or while another thread
     *     runs tasks, or if more than {@value #MAX_RUNS_AT_ONE_INSTANT} tasks ran in a row at one
     *     instant
     * @throws AssertionError if any task threw, unless failures are {@linkplain
     *     #tolerateTaskFailures() tolerated}; the tasks all ran
     */
    public int runUntilIdle() {
        return (int) Math.min(Integer.MAX_VALUE, run(time.elapsed(), false, "runUntilIdle"));
    }

    /**
     * How many tasks are waiting to run. Thread-safe.
     *
     * @return the tasks scheduled and neither run nor cancelled; a periodic task counts once until
     *     cancelled
     */
    public int pendingCount() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /**
     * When the next task is due. Thread-safe.
     *
     * @return the due time of the first pending task, or empty when none is pending
     */
    public Optional<Instant> nextDueTime() {
        long due;
        synchronized (lock) {
            ScheduledTask first = queue.peek();
            if (first == null) {
                return Optional.empty();
            }
            due = first.due;
        }
        return Optional.of(time.instantAt(due));
    }

    /**
     * What tasks have thrown since this scheduler was made, oldest first, whether the run methods
     * threw them or they were {@linkplain #tolerateTaskFailures() tolerated}; the first 1,000 are
     * kept. Thread-safe.
     *
     * @return an unmodifiable snapshot
     */
    public List<Throwable> taskFailures() {
        return failures.history();
    }

    /**
     * How many task runs have thrown since this scheduler was made. Thread-safe.
     *
     * @return every failure counted, including those {@link #taskFailures()} does not keep
     */
    public long taskFailureCount() {
        return failures.count();
    }

    /**
     * How many task runs have finished (normally or not) since this scheduler was made; updated
     * when each run method returns. Thread-safe.
     *
     * @return the number of runs, a periodic task counting once per run
     */
    public long executedCount() {
        return executed;
    }

    /** The clock's instant, the number of pending tasks and when the next is due. */
    @Override
    public String toString() {
        return "VirtualTimeScheduler[now=" + clock.instant() + ", pending=" + pendingCount()
                + nextDueTime().map(due -> ", next due at " + due).orElse("") + "]";
    }

    boolean cancel(ScheduledTask task) {
        synchronized (lock) {
            return queue.remove(task);
        }
    }

    String describe(ScheduledTask task) {
        long due;
        boolean pending;
        synchronized (lock) {
            due = task.due;
            pending = task.index >= 0;
        }
        return task.task + (task.period > 0 ? " every " + Duration.ofNanos(task.period) : "")
                + (pending ? ", due at " + time.instantAt(due) : ", not pending");
    }

    private ScheduledTask enqueue(Runnable task, Duration delay, long period) {
        long now = time.elapsed();
        long due = time.plus(now, FakeClock.toNanos(delay));
        if (due < 0) {
            throw time.beyondHorizon("A task due " + delay + " after " + time.instantAt(now));
        }
        synchronized (lock) {
            ScheduledTask entry = new ScheduledTask(this, task, due, period, sequence++);
            queue.add(entry);
            return entry;
        }
    }

    /** Runs the tasks due up to {@code limit}, moves the clock there if asked, reports failures. */
    private long run(long limit, boolean moveClock, String method) {
        Thread me = Thread.currentThread();
        if (!runner.compareAndSet(null, me)) {
            throw busy(method, me);
        }
        try {
            long ran;
            try {
                ran = runDue(limit);
            } catch (RuntimeException | Error stopped) {
                AssertionError failed = failures.endRun();
                if (failed != null) {
                    stopped.addSuppressed(failed);
                }
                throw stopped;
            }
            if (moveClock) {
                time.moveForwardTo(limit);
            }
            AssertionError failed = failures.endRun();
            if (failed != null) {
                throw failed;
            }
            return ran;
        } finally {
            runner.set(null);
        }
    }

    /** The run loop: lean, since a simulated day of a farm is tens of millions of turns. */
    private long runDue(long limit) {
        long ran = 0;
        long lastDue = -1;
        int runsAtLastDue = 0;
        ScheduledTask lastRun = null;
        try {
            for (;;) {
                ScheduledTask next;
                long due;
                synchronized (lock) {
                    next = queue.peek();
                    if (next == null || next.due > limit) {
                        return ran;
                    }
                    due = next.due;
                    if (due != lastDue) {
                        lastDue = due;
                        runsAtLastDue = 0;
                    } else if (runsAtLastDue >= MAX_RUNS_AT_ONE_INSTANT) {
                        throw endless(lastRun, due);
                    }
                    if (next.period == 0) {
                        queue.removeFirst();
                    } else {
                        reschedulePeriodic(next);
                    }
                }
                runsAtLastDue++;
                time.moveForwardTo(due);
                lastRun = next;
                try {
                    next.task.run();
                } catch (Throwable failure) {
                    failures.record(failure, next, time, due);
                }
                ran++;
            }
        } finally {
            executed += ran;
        }
    }

    /** Moves the first task, periodic, to its next run; it is no longer pending past the clock's reach. */
    private void reschedulePeriodic(ScheduledTask task) {
        long following = time.plus(task.due, task.period);
        if (following < 0) {
            queue.removeFirst();
        } else {
            task.due = following;
            queue.firstMovedLater();
        }
    }

    private IllegalStateException endless(ScheduledTask lastRun, long due) {
        return new IllegalStateException("Ran " + MAX_RUNS_AT_ONE_INSTANT + " tasks in a row at "
                + time.instantAt(due) + " and more were due then; the last was " + lastRun.task
                + ". Does a task keep scheduling work with no delay?");
    }

    private IllegalStateException busy(String method, Thread me) {
        Thread other = runner.get();
        if (other == me) {
            return new IllegalStateException(method + " was called from inside a running task: a task"
                    + " cannot move virtual time; schedule the work instead");
        }
        return new IllegalStateException(method + " was called on thread " + me.getName() + " while "
                + (other == null ? "another thread" : "thread " + other.getName())
                + " was running tasks: call the run methods from one thread at a time");
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
    }
}
