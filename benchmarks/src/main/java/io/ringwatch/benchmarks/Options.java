package io.ringwatch.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a {@link SimulationBenchmark} invocation runs, read from its command line. Every number
 * is bounded, so no invocation can loop for ever: at most {@value #MAX_RUNS} measured runs per
 * configuration, at most {@value #MAX_HOURS} virtual hours, and a wall-clock budget per run.
 * Immutable.
 *
 * @param nodes how many nodes the farm has
 * @param hours how many virtual hours each run lasts
 * @param partners the K of each configuration, in the order runs alternate between them: one
 *        entry normally, several with {@code --compare-partners}
 * @param warmups runs per configuration done first to warm the JIT, printed but not summarised
 * @param runs measured runs per configuration
 * @param scenario what happens to the farm during a run
 * @param seed seeds the engines' jitter; every run uses it, so every run does the same work
 * @param budget the most wall time one run may take; a run over it stops at the next virtual
 *        hour and is reported as stopped
 */
record Options(int nodes, int hours, List<Integer> partners, int warmups, int runs, Scenario scenario, long seed,
        Duration budget) {

    static final int MAX_NODES = 100_000;
    static final int MAX_HOURS = 24 * 31;
    static final int MAX_RUNS = 100;
    static final int MAX_PARTNERS = 16;

    private static final Set<String> FLAGS = Set.of("--nodes", "--hours", "--partners", "--compare-partners", "--warmups",
            "--runs", "--scenario", "--seed", "--budget-seconds");

    static final String USAGE = """
            usage: java -jar ringwatch-benchmarks.jar [options]
              --nodes N                 nodes in the farm (default 1000)
              --hours H                 virtual hours per run (default 24)
              --partners K              partners each node watches (default 2)
              --compare-partners K1,K2  instead of --partners: runs each K in turn (A, B, A, B...)
              --warmups W               JIT warm-up runs per configuration, not summarised (default 1)
              --runs R                  measured runs per configuration (default 3)
              --scenario quiet|outages  a healthy day, or one with crashes, flapping and a partition (default quiet)
              --seed S                  jitter seed, the same for every run (default 1)
              --budget-seconds B        wall-time limit of one run (default 600)
              --help                    this text""";

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming the flag, if a flag is unknown, lacks its value,
     *         or its value is not a number in range
     */
    static Options parse(String... args) {
        int nodes = 1000;
        int hours = 24;
        List<Integer> partners = List.of(2);
        int warmups = 1;
        int runs = 3;
        Scenario scenario = Scenario.QUIET;
        long seed = 1;
        int budgetSeconds = 600;
        boolean partnersGiven = false;
        boolean compareGiven = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new HelpRequested();
            }
            String value = OptionValues.valueOf(args, i++, FLAGS);
            switch (flag) {
                case "--nodes" -> nodes = OptionValues.number(flag, value, 1, MAX_NODES);
                case "--hours" -> hours = OptionValues.number(flag, value, 1, MAX_HOURS);
                case "--partners" -> {
                    partners = List.of(OptionValues.number(flag, value, 1, MAX_PARTNERS));
                    partnersGiven = true;
                }
                case "--compare-partners" -> {
                    partners = partnerList(flag, value);
                    compareGiven = true;
                }
                case "--warmups" -> warmups = OptionValues.number(flag, value, 0, MAX_RUNS);
                case "--runs" -> runs = OptionValues.number(flag, value, 1, MAX_RUNS);
                case "--scenario" -> scenario = Scenario.named(value);
                case "--seed" -> seed = OptionValues.longNumber(flag, value);
                case "--budget-seconds" -> budgetSeconds = OptionValues.number(flag, value, 1, 24 * 3600);
                default -> throw new IllegalStateException("flag listed but not handled: " + flag);
            }
        }
        if (partnersGiven && compareGiven) {
            throw new IllegalArgumentException("give --partners or --compare-partners, not both");
        }
        if (nodes < scenario.minimumNodes()) {
            throw new IllegalArgumentException("--scenario " + scenario.label() + " needs at least "
                    + scenario.minimumNodes() + " nodes, was " + nodes);
        }
        return new Options(nodes, hours, partners, warmups, runs, scenario, seed, Duration.ofSeconds(budgetSeconds));
    }

    /** Whether runs alternate between several K. */
    boolean comparing() {
        return partners.size() > 1;
    }

    /** One line naming everything that shapes the work, for the top of the output. */
    String describe() {
        return String.format(Locale.ROOT, "nodes=%d hours=%d K=%s scenario=%s warmups=%d runs=%d seed=%d budget=%ds",
                nodes, hours, partners.size() == 1 ? partners.get(0).toString() : partners.toString(), scenario.label(),
                warmups, runs, seed, budget.toSeconds());
    }

    private static List<Integer> partnerList(String flag, String value) {
        List<Integer> list = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            int k = OptionValues.number(flag, part.strip(), 1, MAX_PARTNERS);
            if (list.contains(k)) {
                throw new IllegalArgumentException(flag + " lists K=" + k + " twice: " + value);
            }
            list.add(k);
        }
        if (list.size() < 2) {
            throw new IllegalArgumentException(flag + " needs at least two values such as 2,3, was " + value);
        }
        if (list.size() > 4) {
            throw new IllegalArgumentException(flag + " compares at most four values, was " + value);
        }
        return List.copyOf(list);
    }


    /** {@code --help} was asked for: print the usage and stop, successfully. */
    static final class HelpRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequested() {
            super("help", null, false, false);
        }
    }
}
