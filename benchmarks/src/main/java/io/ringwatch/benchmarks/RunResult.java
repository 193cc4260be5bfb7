package io.ringwatch.benchmarks;

import java.util.Locale;

/**
 * What one benchmark run did and how long it took. Immutable.
 *
 * @param label {@code warmup 1/1} or {@code run 2/3}
 * @param warmup whether the run only warmed the JIT (printed, not summarised)
 * @param partners K
 * @param nodes nodes in the farm
 * @param hours virtual hours that passed (fewer than asked if the run hit its budget)
 * @param stopped whether the run hit its wall-time budget and stopped early
 * @param setupNanos wall time to build the farm and start its engines
 * @param wallNanos wall time of the whole run: setup and the virtual hours
 * @param checks liveness asks and status URL fetches the engines made
 * @param questions other questions between engines: confirmations, reports, acknowledgements
 * @param tasks tasks the virtual-time scheduler ran
 * @param events events the engines recorded
 * @param notifications notifications the engines sent
 * @param peakHeapBytes the most heap in use at the end of any virtual hour (garbage included)
 * @param liveHeapBytes heap in use after a GC at the end, with the farm still reachable
 * @param gcCount collections during the run
 * @param gcMillis time the collectors report spending during the run
 * @param cpuNanos CPU time of the thread that ran the farm, over the same span as {@code wallNanos}:
 *        well below the wall time means the thread waited for the processor (other load) or for
 *        the collector
 * @param allocatedBytes heap the thread that ran the farm allocated over the same span (-1 if the
 *        JVM cannot say): steadier than time, and what the collector has to clear
 * @param loadAverage the system's one-minute load average at the end of the run (negative if
 *        the platform has none): above the processor count, the figures are noisy
 * @param verdict the scenario's sanity check
 */
record RunResult(String label, boolean warmup, int partners, int nodes, long hours, boolean stopped, long setupNanos,
        long wallNanos, long checks, long questions, long tasks, long events, long notifications, long peakHeapBytes,
        long liveHeapBytes, long gcCount, long gcMillis, long cpuNanos, long allocatedBytes, double loadAverage, Day.Verdict verdict) {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final long MIB = 1024 * 1024;

    /** Wall time in seconds. */
    double wallSeconds() {
        return wallNanos / NANOS_PER_SECOND;
    }

    /** Simulated checks per second of wall time. */
    double checksPerSecond() {
        return checks / wallSeconds();
    }

    /** The result line: every figure, named. */
    String line() {
        return String.format(Locale.ROOT,
                "%-11s K=%d nodes=%d hours=%d%s wall=%.2fs setup=%.2fs checks=%d checks/s=%.0f questions=%d tasks=%d"
                        + " events=%d notifications=%d heapPeak=%dMiB heapLive=%dMiB gc=%d/%dms cpu=%.2fs alloc=%dMiB load=%.2f%s",
                label, partners, nodes, hours, stopped ? " STOPPED-BY-BUDGET" : "",
                wallSeconds(), setupNanos / NANOS_PER_SECOND, checks, checksPerSecond(), questions, tasks, events,
                notifications, peakHeapBytes / MIB, liveHeapBytes / MIB, gcCount, gcMillis,
                cpuNanos / NANOS_PER_SECOND, allocatedBytes < 0 ? -1 : allocatedBytes / MIB, loadAverage, warmup ? "  [warm-up: not summarised]" : "");
    }
}
