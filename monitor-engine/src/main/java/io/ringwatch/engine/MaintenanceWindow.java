package io.ringwatch.engine;

import io.ringwatch.api.OneLine;
import io.ringwatch.api.TargetId;
import java.time.Instant;
import java.util.Objects;

/**
 * A time when a target is expected to be in trouble: its checks and events go on, but nobody is
 * notified. A window on a node covers its services too. Immutable.
 *
 * @param target the node or service
 * @param start when the window opens
 * @param end when it closes, after {@code start}
 * @param reason why, on one line, such as {@code "kernel upgrade"}
 */
public record MaintenanceWindow(TargetId target, Instant start, Instant end, String reason) {

    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public MaintenanceWindow {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        reason = OneLine.of(Objects.requireNonNull(reason, "reason"), 200);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("maintenance window for " + target + " must end after it starts: "
                    + start + " .. " + end);
        }
    }

    /** Whether this window covers {@code candidate} (itself, or a service of a covered node) at {@code at}. */
    public boolean covers(TargetId candidate, Instant at) {
        boolean sameTarget = target.isNode() ? target.node().equals(candidate.node()) : target.equals(candidate);
        return sameTarget && !at.isBefore(start) && at.isBefore(end);
    }
}
