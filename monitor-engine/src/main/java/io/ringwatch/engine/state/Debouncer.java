package io.ringwatch.engine.state;

import io.ringwatch.api.Status;
import java.time.Instant;
import java.util.Objects;

/**
 * Counts consecutive observations that differ from a target's confirmed status, and says when
 * there are enough to confirm a change: {@code confirmations} bad ones for a change into or
 * between kinds of trouble, {@code recoveries} good ones for a recovery, one good one for a target
 * seen for the first time. A streak breaks when an observation agrees with the confirmed status
 * or swings between good and bad. Not thread-safe.
 */
public final class Debouncer {
    private final int confirmations;
    private final int recoveries;
    private boolean streakIsGood;
    private int count;
    private Instant streakStart;

    /**
     * @param confirmations bad observations needed in a row, at least 1
     * @param recoveries good observations needed in a row, at least 1
     * @throws IllegalArgumentException if a count is less than 1
     */
    public Debouncer(int confirmations, int recoveries) {
        if (confirmations < 1 || recoveries < 1) {
            throw new IllegalArgumentException("confirmations and recoveries must be at least 1, were "
                    + confirmations + " and " + recoveries);
        }
        this.confirmations = confirmations;
        this.recoveries = recoveries;
    }

    /**
     * Counts one observation.
     *
     * @param seen what was observed
     * @param at when
     * @param confirmed the target's confirmed status
     * @return whether the streak is now long enough to confirm a change to {@code seen}
     */
    public boolean observe(Status seen, Instant at, Status confirmed) {
        Objects.requireNonNull(at, "at");
        if (seen == confirmed) {
            reset();
            return false;
        }
        boolean good = seen == Status.UP;
        if (count == 0 || good != streakIsGood) {
            streakIsGood = good;
            count = 0;
            streakStart = at;
        }
        count++;
        return count >= needed(confirmed);
    }

    /** Forgets the streak. */
    public void reset() {
        count = 0;
        streakStart = null;
    }

    /** Whether a streak is under way. */
    public boolean isPending() {
        return count > 0;
    }

    /** Whether good observations are under way that may confirm a recovery. */
    public boolean isRecovering() {
        return count > 0 && streakIsGood;
    }

    /** How many observations the current streak holds. */
    public int count() {
        return count;
    }

    /** When the current streak began: the start of the change, if it is confirmed. */
    public Instant streakStart() {
        if (streakStart == null) {
            throw new IllegalStateException("no streak under way");
        }
        return streakStart;
    }

    private int needed(Status confirmed) {
        if (!streakIsGood) {
            return confirmations;
        }
        return confirmed == Status.UNKNOWN ? 1 : recoveries;
    }
}
