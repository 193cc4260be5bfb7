package io.ringwatch.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a farm of real engines in virtual time, on the testkit's simulated network, and prints
 * how long the wall clock took and how much simulated work was done: checks, questions
 * between engines, scheduler tasks, events, notifications, heap and GC.
 *
 * <pre>
 * mvn -B -q package -pl benchmarks -am -DskipTests
 * java -jar benchmarks/target/ringwatch-benchmarks.jar --nodes 1000 --hours 24
 * java -jar benchmarks/target/ringwatch-benchmarks.jar --scenario outages
 * java -jar benchmarks/target/ringwatch-benchmarks.jar --compare-partners 2,3
 * </pre>
 *
 * <p>Each run builds a fresh farm with the same seed, so every run does exactly the same work
 * and only the wall time varies. Warm-up runs come first and are printed but left out of the
 * summary. With {@code --compare-partners} the configurations take turns (A, B, A, B...) so
 * that a noisy machine's drift hits each alike. Result lines go to standard output, progress
 * to standard error.
 *
 * <p>Exit status: 0 when every run finished and every sanity check passed or had nothing to
 * check; 1 when a run hit its wall-time budget or a sanity check failed; 2 on a bad command
 * line or a run that threw. Not thread-safe; runs on the main thread.
 */
public final class SimulationBenchmark {

    private SimulationBenchmark() {
    }

    /**
     * Runs the benchmark described by {@code args}; see {@code --help}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested help) {
            System.out.println(Options.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        try {
            System.exit(run(options, System.out, System.err));
        } catch (RuntimeException | AssertionError e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace(System.err);
            System.exit(2);
        }
    }

    /**
     * Runs every warm-up and measured run, printing each result line and then a summary per K.
     *
     * @return the exit status: 0 if all is well, 1 if a run stopped early or a sanity check failed
     */
    static int run(Options options, PrintStream out, PrintStream progress) {
        out.println("# ringwatch simulation benchmark " + options.describe());
        out.println("# " + Machine.describe());
        FarmRun farmRun = new FarmRun(options, progress);
        Map<Integer, List<RunResult>> measured = new LinkedHashMap<>();
        options.partners().forEach(k -> measured.put(k, new ArrayList<>()));
        boolean allWell = true;

        int total = options.warmups() + options.runs();
        for (int round = 0; round < total; round++) {
            boolean warmup = round < options.warmups();
            String label = warmup ? "warm-up " + (round + 1) + "/" + options.warmups()
                    : "run " + (round - options.warmups() + 1) + "/" + options.runs();
            for (int k : options.partners()) {
                RunResult result = farmRun.run(label, warmup, k);
                out.println(result.line());
                out.println("  sanity K=" + k + ": " + result.verdict());
                out.flush();
                allWell &= !result.stopped() && result.verdict().outcome() != Day.Outcome.FAIL;
                if (!warmup) {
                    measured.get(k).add(result);
                }
            }
        }

        List<Summary> summaries = measured.entrySet().stream().map(entry -> new Summary(entry.getKey(), entry.getValue())).toList();
        summaries.forEach(summary -> out.println(summary.line()));
        if (summaries.size() > 1) {
            Summary base = summaries.get(0);
            for (Summary other : summaries.subList(1, summaries.size())) {
                out.printf(Locale.ROOT, "compare     K=%d vs K=%d: wall median x%.2f, cpu median x%.2f, checks %s, questions %s, tasks %s%n",
                        other.partners(), base.partners(), other.medianWall() / base.medianWall(), other.medianCpu() / base.medianCpu(),
                        ratio(other.runs().get(0).checks(), base.runs().get(0).checks()),
                        ratio(other.runs().get(0).questions(), base.runs().get(0).questions()),
                        ratio(other.runs().get(0).tasks(), base.runs().get(0).tasks()));
            }
        }
        return allWell ? 0 : 1;
    }

    private static String ratio(long a, long b) {
        return b == 0 ? a + " vs " + b : String.format(Locale.ROOT, "x%.2f", (double) a / b);
    }
}
