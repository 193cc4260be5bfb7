package io.ringwatch.testkit.time;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What scheduled tasks threw: the failures of the current run call, to be thrown as one
 * {@link AssertionError} when it ends, and the history that
 * {@link VirtualTimeScheduler#taskFailures()} shows. Only the first failures are kept (a
 * periodic task failing every second of a simulated day would otherwise fill the heap); the
 * counts are exact. Thread-safe.
 */
final class TaskFailures {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualTimeScheduler.class);
    static final int KEPT_PER_RUN = 100;
    static final int KEPT_IN_HISTORY = 1_000;

    private volatile boolean tolerated;
    private final List<Throwable> history = new ArrayList<>();
    private long historyCount;
    private final List<Throwable> thisRun = new ArrayList<>();
    private long thisRunCount;

    void tolerate() {
        tolerated = true;
    }

    synchronized void record(Throwable failure, ScheduledTask task, TimeSource time, long due) {
        historyCount++;
        if (history.size() < KEPT_IN_HISTORY) {
            history.add(failure);
        }
        if (tolerated) {
            LOG.warn("A scheduled task due at {} failed; tolerated: {}", time.instantAt(due), task.task, failure);
            return;
        }
        thisRunCount++;
        if (thisRun.size() < KEPT_PER_RUN) {
            thisRun.add(failure);
        }
    }

    /**
     * Ends the current run call: the failures it recorded as one AssertionError, or null if there
     * were none; either way the next call starts afresh.
     */
    synchronized AssertionError endRun() {
        if (thisRun.isEmpty()) {
            return null;
        }
        String more = thisRunCount > thisRun.size() ? " (the first " + thisRun.size() + " are attached)" : "";
        AssertionError error = new AssertionError(thisRunCount + " scheduled task(s) failed" + more, thisRun.get(0));
        thisRun.subList(1, thisRun.size()).forEach(error::addSuppressed);
        thisRun.clear();
        thisRunCount = 0;
        return error;
    }

    synchronized List<Throwable> history() {
        return List.copyOf(history);
    }

    synchronized long count() {
        return historyCount;
    }
}
