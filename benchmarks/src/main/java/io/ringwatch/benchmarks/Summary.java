package io.ringwatch.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The measured runs of one configuration, summarised: median, min and max wall time, and the
 * median of the other figures. Warm-up runs are left out. Immutable.
 *
 * @param partners K
 * @param runs the measured runs, in the order they ran
 */
record Summary(int partners, List<RunResult> runs) {

    /** The target: a 1,000-node farm for 24 virtual hours in under 10 s of wall time. */
    static final double TARGET_SECONDS = 10.0;
    static final int TARGET_NODES = 1000;
    static final int TARGET_HOURS = 24;

    /**
     * @throws IllegalArgumentException if {@code runs} is empty or holds a warm-up
     */
    Summary {
        runs = List.copyOf(runs);
        if (runs.isEmpty() || runs.stream().anyMatch(RunResult::warmup)) {
            throw new IllegalArgumentException("a summary needs measured runs and no warm-ups: " + runs);
        }
    }

    double medianWall() {
        return median(RunResult::wallSeconds);
    }

    double minWall() {
        return runs.stream().mapToDouble(RunResult::wallSeconds).min().orElseThrow();
    }

    double maxWall() {
        return runs.stream().mapToDouble(RunResult::wallSeconds).max().orElseThrow();
    }

    double medianChecksPerSecond() {
        return median(RunResult::checksPerSecond);
    }

    /** Median CPU time of the thread that ran the farm: steadier than wall time on a busy machine. */
    double medianCpu() {
        return median(run -> run.cpuNanos() / 1e9);
    }

    /** Median bytes allocated by the thread that ran the farm, or -1 where the JVM cannot say. */
    double medianAllocated() {
        return median(RunResult::allocatedBytes);
    }

    /** Whether every run covered every hour asked and the work is the 1,000 nodes for 24 h. */
    boolean isTargetConfiguration() {
        return runs.stream().allMatch(run -> !run.stopped() && run.nodes() == TARGET_NODES && run.hours() == TARGET_HOURS);
    }

    /** The summary line, with the target's verdict when the configuration is the target's. */
    String line() {
        RunResult first = runs.get(0);
        return String.format(Locale.ROOT,
                "summary     K=%d nodes=%d hours=%d runs=%d wall median=%.2fs min=%.2fs max=%.2fs cpu median=%.2fs"
                        + " checks/s median=%.0f alloc median=%.0fMiB (%.0f B/check) checks=%d questions=%d tasks=%d%s",
                partners, first.nodes(), first.hours(), runs.size(), medianWall(), minWall(), maxWall(), medianCpu(),
                medianChecksPerSecond(), medianAllocated() / (1024 * 1024), medianAllocated() / first.checks(), first.checks(), first.questions(), first.tasks(), note());
    }

    /** The target's verdict for the target's configuration; a warning if some run stopped early. */
    private String note() {
        long stopped = runs.stream().filter(RunResult::stopped).count();
        if (stopped > 0) {
            return " (" + stopped + " run(s) STOPPED-BY-BUDGET: their hours and counts are short)";
        }
        if (!isTargetConfiguration()) {
            return "";
        }
        return String.format(Locale.ROOT, " target<%.0fs=%s", TARGET_SECONDS, medianWall() < TARGET_SECONDS ? "MET" : "MISSED");
    }

    private double median(ToDoubleFunction<RunResult> figure) {
        double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
