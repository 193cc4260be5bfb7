package io.ringwatch.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a {@link StatusPageCost} invocation runs, read from its command line in the style of
 * {@link Options}. Without {@code --targets} or {@code --flaps-per-day} it runs the two built-in
 * history sizes side by side, {@link #SMALL} and {@link #WORST}; with either, one history of
 * that size (what is not given taken from {@link #SMALL}). Every number is bounded, and each
 * scenario's measured repetitions stop at a wall-time budget. Immutable.
 *
 * @param histories the history sizes to measure, in order
 * @param days the days of events generated (one day more is generated before them)
 * @param members the nodes in the farm whose page is rendered
 * @param warmups repetitions first, for the JIT, not counted
 * @param runs measured repetitions per scenario
 * @param seed seeds the histories
 * @param budget the most wall time the measured repetitions of one scenario may take
 */
record PageOptions(List<HistorySize> histories, int days, int members, int warmups, int runs, long seed, Duration budget) {

    /** A realistic watcher: two partners with five services each, one flap a day per target. */
    static final HistorySize SMALL = new HistorySize("small", 12, 1);
    /** A bad one: two partners with 19 services each, 20 flaps a day per target, past the history's cap. */
    static final HistorySize WORST = new HistorySize("worst", 40, 20);

    static final int PARTNERS = 2;
    static final int MAX_TARGETS = 400;
    static final int MAX_DAYS = 400;
    static final int MAX_FLAPS_PER_DAY = 200;
    static final int MIN_MEMBERS = 3;
    static final int MAX_MEMBERS = 200;
    static final int MAX_RUNS = 200;

    private static final Set<String> FLAGS = Set.of("--targets", "--days", "--flaps-per-day", "--members", "--warmups",
            "--runs", "--seed", "--budget-seconds");

    static final String USAGE = """
            usage: java -cp ringwatch-benchmarks.jar io.ringwatch.benchmarks.StatusPageCost [options]
              --targets T          targets one node watches: 2 partners, each a node and T/2-1 services (even, 2-400)
              --flaps-per-day F    mean flaps per target per day (0-200)
                                   without either: small (12 targets, 1 flap/day) and worst (40, 20), side by side
              --days D             days of events generated, one more before them (default 92, at least 90)
              --members M          nodes in the farm whose page is rendered (default 10, 3-200)
              --warmups W          repetitions first, for the JIT, not counted (default 3)
              --runs N             measured repetitions per scenario (default 10)
              --seed S             seeds the histories (default 1)
              --budget-seconds B   wall-time limit of one scenario's measured repetitions (default 300)
              --help               this text""";

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming the flag, if a flag is unknown, lacks its value, or
     *         its value is not a number in range
     */
    static PageOptions parse(String... args) {
        Integer targets = null;
        Integer flaps = null;
        int days = 92;
        int members = 10;
        int warmups = 3;
        int runs = 10;
        long seed = 1;
        int budgetSeconds = 300;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new Options.HelpRequested();
            }
            String value = OptionValues.valueOf(args, i++, FLAGS);
            switch (flag) {
                case "--targets" -> {
                    targets = OptionValues.number(flag, value, PARTNERS, MAX_TARGETS);
                    if (targets % PARTNERS != 0) {
                        throw new IllegalArgumentException(flag + " must be even (2 partners, each a node and its services), was "
                                + value);
                    }
                }
                case "--flaps-per-day" -> flaps = OptionValues.number(flag, value, 0, MAX_FLAPS_PER_DAY);
                case "--days" -> days = OptionValues.number(flag, value, 90, MAX_DAYS);
                case "--members" -> members = OptionValues.number(flag, value, MIN_MEMBERS, MAX_MEMBERS);
                case "--warmups" -> warmups = OptionValues.number(flag, value, 0, MAX_RUNS);
                case "--runs" -> runs = OptionValues.number(flag, value, 1, MAX_RUNS);
                case "--seed" -> seed = OptionValues.longNumber(flag, value);
                case "--budget-seconds" -> budgetSeconds = OptionValues.number(flag, value, 1, 3600);
                default -> throw new IllegalStateException("flag listed but not handled: " + flag);
            }
        }
        List<HistorySize> histories = targets == null && flaps == null ? List.of(SMALL, WORST)
                : List.of(new HistorySize("custom", targets == null ? SMALL.targets() : targets,
                        flaps == null ? SMALL.flapsPerDay() : flaps));
        return new PageOptions(histories, days, members, warmups, runs, seed, Duration.ofSeconds(budgetSeconds));
    }

    /** One line naming everything that shapes the work, for the top of the output. */
    String describe() {
        return String.format(Locale.ROOT, "histories=%s days=%d members=%d warmups=%d runs=%d seed=%d budget=%ds",
                histories.stream().map(HistorySize::describe).toList(), days, members, warmups, runs, seed, budget.toSeconds());
    }

    /**
     * How much one watcher logs.
     *
     * @param name what the output calls it
     * @param targets targets it watches, over {@value PageOptions#PARTNERS} partners
     * @param flapsPerDay mean flaps per target per day
     */
    record HistorySize(String name, int targets, int flapsPerDay) {
        /** Services on each partner: each partner is a node target and its services. */
        int servicesPerPartner() {
            return targets / PARTNERS - 1;
        }

        String describe() {
            return name + "(" + targets + " targets, " + flapsPerDay + " flaps/day)";
        }
    }
}
