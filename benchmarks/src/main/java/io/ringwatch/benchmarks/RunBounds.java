package io.ringwatch.benchmarks;

import java.time.Duration;

/**
 * How long each step of a {@link DetectionLatency} run may take, and how often the harness
 * looks. Immutable.
 *
 * @param settle for the farm to be steady, before a kill and after a recovery
 * @param alert from the kill to the first alert
 * @param duplicateWindow how long to keep the victim down after its alert, so that a second
 *        alert has time to arrive and be counted; zero restarts it at once
 * @param recovery from the restart to the first recovery
 * @param poll between two looks at the farm; arrival times are stamped on arrival, so this
 *        does not affect the figures
 */
record RunBounds(Duration settle, Duration alert, Duration duplicateWindow, Duration recovery, Duration poll) {

    /** Engines in this JVM: they boot in milliseconds, and a look at them costs nothing. */
    static final RunBounds IN_JVM = new RunBounds(Duration.ofSeconds(30), Duration.ofSeconds(15), Duration.ZERO,
            Duration.ofSeconds(15), Duration.ofMillis(10));

    /**
     * Agent processes: a restart starts a JVM, and a look at the farm is an HTTP request per
     * agent, so the harness looks ten times less often.
     */
    static final RunBounds PROCESSES = new RunBounds(Duration.ofSeconds(60), Duration.ofSeconds(20), Duration.ofSeconds(3),
            Duration.ofSeconds(30), Duration.ofMillis(100));
}
