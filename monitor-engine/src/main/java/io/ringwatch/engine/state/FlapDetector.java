package io.ringwatch.engine.state;

import io.ringwatch.api.Status;

/**
 * Nagios-style flap detection: the weighted share of changes between consecutive observations
 * among the last {@value #WINDOW} (recent changes weigh up to 1.2, old ones down to 0.8). A
 * target starts flapping when the share rises above the high threshold and stops when it falls
 * below the low one. Not thread-safe.
 */
public final class FlapDetector {
    /** How many observations are kept. */
    public static final int WINDOW = 21;
    private static final int CHANGES = WINDOW - 1;
    private static final double TOTAL_WEIGHT = totalWeight();

    private final double high;
    private final double low;
    private final Status[] history = new Status[WINDOW];
    private int size;
    private int next;
    private int changes;
    private boolean flapping;

    /**
     * @param high share of changes (0 to 1) above which a target starts flapping
     * @param low share of changes (0 to 1) below which it stops; at most {@code high}
     * @throws IllegalArgumentException if the thresholds are not {@code 0 <= low <= high <= 1}
     */
    public FlapDetector(double high, double low) {
        if (!(0 <= low && low <= high && high <= 1)) {
            throw new IllegalArgumentException("flap thresholds must satisfy 0 <= low <= high <= 1, were low "
                    + low + " and high " + high);
        }
        this.high = high;
        this.low = low;
    }

    /** What an observation did to the flapping state. */
    public enum Change {
        /** Nothing. */
        NONE,
        /** The target started flapping. */
        STARTED,
        /** The target stopped flapping. */
        STOPPED
    }

    /** Records one observation and says whether flapping started or stopped. */
    public Change record(Status seen) {
        if (size == WINDOW && history[next] != history[(next + 1) % WINDOW]) {
            changes--; // the oldest change leaves the window
        }
        if (size > 0 && history[Math.floorMod(next - 1, WINDOW)] != seen) {
            changes++;
        }
        history[next] = seen;
        next = (next + 1) % WINDOW;
        size = Math.min(size + 1, WINDOW);
        if (changes == 0 && !flapping) {
            return Change.NONE;
        }
        double share = changeShare();
        if (!flapping && share > high) {
            flapping = true;
            return Change.STARTED;
        }
        if (flapping && share < low) {
            flapping = false;
            return Change.STOPPED;
        }
        return Change.NONE;
    }

    /** Whether the target is flapping. */
    public boolean isFlapping() {
        return flapping;
    }

    /**
     * The weighted share of changes in the window, 0 to 1. With fewer than {@value #WINDOW}
     * observations the missing ones count as no change.
     */
    public double changeShare() {
        double weighted = 0;
        int oldest = size < WINDOW ? 0 : next;
        for (int i = 1; i < size; i++) {
            Status previous = history[(oldest + i - 1) % WINDOW];
            Status current = history[(oldest + i) % WINDOW];
            if (previous != current) {
                int age = size - 1 - i; // 0 for the newest change
                weighted += weight(CHANGES - 1 - age);
            }
        }
        return weighted / TOTAL_WEIGHT;
    }

    /** Weight of the change at {@code slot}, 0 the oldest of the window to {@code CHANGES - 1} the newest. */
    private static double weight(int slot) {
        return 0.8 + 0.4 * slot / (CHANGES - 1);
    }

    private static double totalWeight() {
        double total = 0;
        for (int slot = 0; slot < CHANGES; slot++) {
            total += weight(slot);
        }
        return total;
    }
}
