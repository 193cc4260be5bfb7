package io.ringwatch.engine.probe;

import java.time.Duration;

/**
 * Measures a probe's latency on the monotonic clock ({@link System#nanoTime()}), which no
 * wall-clock step can make negative. The only place this package reads time that is not
 * injected: latency is a measurement of real elapsed time, not a scheduling decision.
 */
final class Stopwatch {
    private final long startNanos;

    private Stopwatch(long startNanos) {
        this.startNanos = startNanos;
    }

    static Stopwatch start() {
        return new Stopwatch(System.nanoTime());
    }

    Duration elapsed() {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }

    /** What is left of {@code timeout}, never negative. */
    Duration remainingOf(Duration timeout) {
        Duration left = timeout.minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }
}
