package io.ringwatch.engine.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Check latencies counted into fixed buckets, in the shape Prometheus expects of a histogram:
 * cumulative counts per upper bound, a total count and a sum. Thread-safe.
 */
public final class LatencyHistogram {
    /** Upper bounds of the buckets, in seconds; a last, unbounded bucket ({@code +Inf}) follows. */
    public static final List<Double> BOUNDS_SECONDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);

    private final AtomicLongArray counts = new AtomicLongArray(BOUNDS_SECONDS.size() + 1);
    private final LongAdder sumNanos = new LongAdder();

    /** Counts one latency. */
    void record(Duration latency) {
        long nanos = Math.max(0, latency.toNanos());
        double seconds = nanos / 1e9;
        int bucket = 0;
        while (bucket < BOUNDS_SECONDS.size() && seconds > BOUNDS_SECONDS.get(bucket)) {
            bucket++;
        }
        counts.incrementAndGet(bucket);
        sumNanos.add(nanos);
    }

    /**
     * How many latencies were at most each bound, in the order of {@link #BOUNDS_SECONDS}, and then
     * the total count (the {@code +Inf} bucket).
     */
    public long[] cumulativeCounts() {
        long[] cumulative = new long[counts.length()];
        long running = 0;
        for (int i = 0; i < cumulative.length; i++) {
            running += counts.get(i);
            cumulative[i] = running;
        }
        return cumulative;
    }

    /** How many latencies were counted. */
    public long count() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /** The sum of every latency counted, in seconds. */
    public double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }
}
