package io.ringwatch.engine.state;

import io.ringwatch.api.Status;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A change of a target's confirmed status. The table of legal changes is here and only here:
 * from {@link Status#UNKNOWN} to any known status, and between any two different known
 * statuses; never back to {@link Status#UNKNOWN}, never to the same status. Immutable.
 *
 * @param from the status before
 * @param to the status after
 */
public record Transition(Status from, Status to) {
    private static final Map<Status, Set<Status>> LEGAL = new EnumMap<>(Map.of(
            Status.UNKNOWN, EnumSet.of(Status.UP, Status.DEGRADED, Status.DOWN),
            Status.UP, EnumSet.of(Status.DEGRADED, Status.DOWN),
            Status.DEGRADED, EnumSet.of(Status.UP, Status.DOWN),
            Status.DOWN, EnumSet.of(Status.UP, Status.DEGRADED)));

    /**
     * @throws IllegalStateException if the table does not allow this change
     */
    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!isLegal(from, to)) {
            throw new IllegalStateException("illegal status transition " + from + " -> " + to);
        }
    }

    /** Whether the table allows a change from {@code from} to {@code to}. */
    public static boolean isLegal(Status from, Status to) {
        return LEGAL.get(from).contains(to);
    }

    /** A change into trouble, or from one kind of trouble to another: people should hear of it. */
    public boolean isProblem() {
        return to.isProblem();
    }

    /** A change out of trouble. */
    public boolean isRecovery() {
        return to == Status.UP && from.isProblem();
    }

    /** The first confirmed status of a target that was not known before. */
    public boolean isFirstSight() {
        return from == Status.UNKNOWN;
    }

    @Override
    public String toString() {
        return from + "\u2192" + to;
    }
}
