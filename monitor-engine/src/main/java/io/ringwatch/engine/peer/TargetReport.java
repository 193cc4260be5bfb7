package io.ringwatch.engine.peer;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.util.Objects;
import java.util.Optional;

/**
 * What one node knows of a target: its confirmed status, whether a change is being confirmed,
 * whether the node distrusts its own view, and the last notification it knows was sent for the
 * target's current incident. Immutable.
 *
 * @param target the target
 * @param state the confirmed status ({@link Status#UNKNOWN} if the node does not watch it)
 * @param pending whether the node has seen a change it has not confirmed yet
 * @param selfSuspect whether the node distrusts its own view just now
 * @param notified the last notification sent for the current incident, or {@code null}
 */
public record TargetReport(TargetId target, Status state, boolean pending, boolean selfSuspect, Notified notified) {

    /** @throws NullPointerException if {@code target} or {@code state} is null */
    public TargetReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
    }

    /** A report from a node that knows nothing of the target. */
    public static TargetReport unknown(TargetId target, boolean selfSuspect) {
        return new TargetReport(target, Status.UNKNOWN, false, selfSuspect, null);
    }

    /** The last notification sent for the current incident, if any. */
    public Optional<Notified> lastNotified() {
        return Optional.ofNullable(notified);
    }

    /**
     * A notification that went out.
     *
     * @param incidentKey the incident it belongs to
     * @param kind what kind it was
     * @param status the status it announced
     * @param by the node that sent it
     */
    public record Notified(String incidentKey, NotificationKind kind, Status status, NodeId by) {
        /** @throws NullPointerException if an argument is null */
        public Notified {
            Objects.requireNonNull(incidentKey, "incidentKey");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(by, "by");
        }
    }
}
