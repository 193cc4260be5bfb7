package io.ringwatch.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The runs of a {@link DetectionLatency} invocation, summarised: misses, duplicates, the latency's
 * spread, and how it stands against the formula with and without the cycle jitter.
 * Immutable.
 *
 * @param options what ran
 * @param jitter the engines' cycle jitter, as a share of the interval
 * @param runs every run, in order
 */
record LatencySummary(LatencyOptions options, double jitter, List<LatencyRun> runs) {

    /** @throws IllegalArgumentException if {@code runs} is empty */
    LatencySummary {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a summary needs runs");
        }
    }

    long misses() {
        return runs.stream().filter(LatencyRun::alertMissed).count();
    }

    long failures() {
        return runs.stream().filter(LatencyRun::failed).count();
    }

    long duplicates() {
        return runs.stream().mapToLong(LatencyRun::duplicates).sum();
    }

    long runsWithDuplicates() {
        return runs.stream().filter(run -> run.duplicates() > 0).count();
    }

    long strayAlerts() {
        return runs.stream().mapToLong(LatencyRun::strayAlerts).sum();
    }

    long flappingNotices() {
        return runs.stream().mapToLong(LatencyRun::flappingNotices).sum();
    }

    /** The bound in seconds: interval + (confirmations - 1) x retry + timeout. */
    double formulaSeconds() {
        return seconds(options.formulaBound());
    }

    /** The formula plus the most a cycle can be pushed late by its jitter: interval x jitter. */
    double formulaWithJitterSeconds() {
        return formulaSeconds() + seconds(options.interval()) * jitter;
    }

    /** Every measured latency in seconds, in run order. */
    double[] latencies() {
        return runs.stream().filter(LatencyRun::hasLatency).mapToDouble(LatencyRun::latencySeconds).toArray();
    }

    /** Share of all runs (a miss counts as over) whose alert came within {@code boundSeconds}. */
    double shareWithin(double boundSeconds) {
        return (double) runs.stream().filter(run -> run.hasLatency() && run.latencySeconds() <= boundSeconds).count() / runs.size();
    }

    /** Whether every run got its alert and recovery in time. */
    boolean allWell() {
        return failures() == 0;
    }

    /** The summary, one figure per line. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "summary: runs=%d misses=%d other failures=%d duplicate alerts=%d (in %d runs)"
                + " alerts about other nodes=%d flapping notices=%d", runs.size(), misses(), failures() - misses(), duplicates(),
                runsWithDuplicates(), strayAlerts(), flappingNotices()));
        double[] latencies = latencies();
        if (latencies.length == 0) {
            lines.add("latency: no alert arrived, nothing to measure");
        } else {
            lines.add(String.format(Locale.ROOT, "latency s: min=%.3f p50=%.3f p90=%.3f p99=%.3f max=%.3f mean=%.3f (n=%d, nearest rank)",
                    Arrays.stream(latencies).min().orElseThrow(), Percentiles.nearestRank(latencies, 50),
                    Percentiles.nearestRank(latencies, 90), Percentiles.nearestRank(latencies, 99),
                    Arrays.stream(latencies).max().orElseThrow(), Arrays.stream(latencies).average().orElseThrow(), latencies.length));
        }
        lines.add(String.format(Locale.ROOT, "formula: interval + (confirmations - 1) x retry + timeout = %s + %d x %s + %s = %.3f s;"
                + " within it: %.0f%% of runs", ms(options.interval()), options.confirmations() - 1, ms(options.retry()),
                ms(options.timeout()), formulaSeconds(), 100 * shareWithin(formulaSeconds())));
        lines.add(String.format(Locale.ROOT, "formula + jitter: plus up to interval x jitter = %s x %.2f of cycle jitter = %.3f s;"
                + " within it: %.0f%% of runs", ms(options.interval()), jitter, formulaWithJitterSeconds(),
                100 * shareWithin(formulaWithJitterSeconds())));
        return lines;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String ms(Duration duration) {
        return duration.toMillis() + " ms";
    }
}
