package io.ringwatch.benchmarks;

import java.util.Arrays;

/**
 * Percentiles by nearest rank: the p-th percentile of n sorted values is the value at rank
 * ⌈p/100 × n⌉ (1-based), so it is always one of the values measured, never an interpolation.
 * Stateless; thread-safe.
 */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The nearest-rank percentile of {@code values}, which need not be sorted and are not changed.
     *
     * @param p the percentile, above 0 and at most 100
     * @throws IllegalArgumentException if {@code values} is empty or {@code p} is out of range
     */
    static double nearestRank(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be above 0 and at most 100, was " + p);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // p x n first: 99 x 100 / 100 is exactly 99, where 0.99 x 100 need not be.
        int rank = (int) Math.ceil(p * sorted.length / 100);
        return sorted[Math.max(rank, 1) - 1];
    }
}
