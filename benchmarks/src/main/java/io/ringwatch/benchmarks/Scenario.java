package io.ringwatch.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What happens to the farm during a benchmark run. Immutable. */
enum Scenario {
    /** A healthy day: nothing fails, so the work is the check cycle alone. */
    QUIET(1) {
        @Override
        Day day(int nodes) {
            return new QuietDay();
        }
    },
    /** A day with crashes and recoveries, a flapping service and a partition: confirmation traffic too. */
    OUTAGES(OutageDay.MINIMUM_NODES) {
        @Override
        Day day(int nodes) {
            return new OutageDay(nodes);
        }
    };

    private final int minimumNodes;

    Scenario(int minimumNodes) {
        this.minimumNodes = minimumNodes;
    }

    /** A fresh script of this scenario for a farm of {@code nodes}. */
    abstract Day day(int nodes);

    /** The smallest farm the scenario can be played on. */
    int minimumNodes() {
        return minimumNodes;
    }

    /** The name used on the command line. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The scenario named {@code label} on the command line.
     *
     * @throws IllegalArgumentException if there is none, listing those there are
     */
    static Scenario named(String label) {
        for (Scenario scenario : values()) {
            if (scenario.label().equals(label)) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("--scenario must be one of "
                + Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining("|")) + ", was " + label);
    }
}
