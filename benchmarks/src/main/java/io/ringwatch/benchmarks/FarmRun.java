package io.ringwatch.benchmarks;

import io.ringwatch.api.NodeId;
import io.ringwatch.testkit.SimulatedCluster;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One timed run: a fresh farm, built and then advanced one virtual hour at a time until the
 * hours are done or the wall-time budget is spent. Only building and advancing are timed;
 * counting and the sanity check come after the clock stops. Not thread-safe.
 */
final class FarmRun {
    private static final Duration STEP = Duration.ofHours(1);
    private static final int PROGRESS_EVERY_HOURS = 6;

    private final Options options;
    private final PrintStream progress;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /**
     * @param progress where a line every few virtual hours goes, so a long run shows life
     */
    FarmRun(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /** Runs a fresh farm with {@code partners} and measures it. */
    RunResult run(String label, boolean warmup, int partners) {
        Day day = options.scenario().day(options.nodes());
        memory.gc(); // a hint, outside the timed part, so one run's garbage is not the next one's pause
        long gcCountBefore = gcCount();
        long gcMillisBefore = gcMillis();
        long peakHeap = 0;

        long allocatedBefore = allocatedBytes();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        try (SimulatedCluster farm = SimulatedCluster.builder().nodes(options.nodes()).partners(partners)
                .seed(options.seed()).build()) {
            Instant start = farm.clock().instant();
            day.script(farm);
            long setup = System.nanoTime() - started;
            long hours = 0;
            boolean stopped = false;
            while (hours < options.hours()) {
                farm.runFor(STEP);
                hours++;
                peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
                long elapsed = System.nanoTime() - started;
                if (hours % PROGRESS_EVERY_HOURS == 0 && hours < options.hours()) {
                    progress.printf(Locale.ROOT, "  [%s K=%d] %d/%d virtual hours, %.1f s%n", label, partners, hours,
                            options.hours(), elapsed / 1e9);
                }
                if (elapsed > options.budget().toNanos() && hours < options.hours()) {
                    stopped = true;
                    break;
                }
            }
            long wall = System.nanoTime() - started;
            long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
            long allocated = allocatedBefore < 0 ? -1 : allocatedBytes() - allocatedBefore;
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            long gcCount = gcCount() - gcCountBefore;
            long gcMillis = gcMillis() - gcMillisBefore;
            long events = farm.nodes().stream().map(NodeId::value).mapToLong(node -> farm.eventLog(node).events().size()).sum();
            Day.Verdict verdict = day.judge(farm, start, Duration.ofHours(hours));
            memory.gc();
            long liveHeap = memory.getHeapMemoryUsage().getUsed();
            return new RunResult(label, warmup, partners, options.nodes(), hours, stopped, setup, wall, farm.checkCount(),
                    farm.questionCount(), farm.scheduler().executedCount(), events,
                    farm.notifications().notifications().size(), peakHeap, liveHeap, gcCount, gcMillis, cpu, allocated, load, verdict);
        }
    }

    /** Bytes this thread allocated so far, or -1 where the JVM cannot say. */
    private long allocatedBytes() {
        return threads instanceof com.sun.management.ThreadMXBean counting && counting.isThreadAllocatedMemoryEnabled()
                ? counting.getCurrentThreadAllocatedBytes() : -1;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(count -> count > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(time -> time > 0).sum();
    }
}
