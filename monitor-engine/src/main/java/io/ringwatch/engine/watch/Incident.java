package io.ringwatch.engine.watch;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.peer.TargetReport;
import io.ringwatch.engine.routing.Router;
import io.ringwatch.engine.schedule.Cancellable;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One stretch of trouble of one target, from the first bad observation to the recovery. Its key
 * ({@code target@start}) is the same on every watcher that adopts it, so channels that deduplicate
 * collapse duplicates. Guarded by the watcher's lock.
 */
final class Incident {
    String key;
    /** Who sent the alert: this node, another watcher, or nobody yet. */
    NodeId owner;
    TargetReport.Notified lastNotified;
    boolean acknowledged;
    /** Who acknowledged it and what they said ({@code acknowledged by tim: on it}), once someone did. */
    String acknowledgement;
    /** Whether this node, or the one it took over from, sent the ACKNOWLEDGED notification. */
    boolean acknowledgementSent;
    /** Whom the escalation steps reached, so that they hear of the acknowledgement and the recovery. */
    final Set<Router.Route> escalatedTo = new LinkedHashSet<>();
    /** When the alert went out, if this node knows. */
    Instant alertedAt;
    /** How many steps of the escalation policy this node ran for the incident. */
    int escalations;
    /** Trouble was confirmed while notifications were held back (maintenance, flapping): send when that ends. */
    boolean held;
    Cancellable reminder = Cancellable.NONE;
    Cancellable escalation = Cancellable.NONE;
    Cancellable handoff = Cancellable.NONE;

    Incident(TargetId target, Instant start) {
        this.key = target + "@" + start;
    }

    void adopt(TargetReport.Notified notified) {
        key = notified.incidentKey();
        lastNotified = notified;
        owner = notified.by();
    }

    void cancelReminders() {
        reminder.cancel();
        escalation.cancel();
    }

    void cancelTimers() {
        cancelReminders();
        handoff.cancel();
    }
}
