package io.ringwatch.engine.watch;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.peer.TargetReport;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The alerts an earlier run of this node sent and never followed with a recovery, read from its
 * event log: after a restart the node goes on with those incidents (same key, no second alert)
 * and tells of their recovery. Stateless.
 */
final class EarlierAlerts {
    /** Alerts older than this are not carried over: after a day, a new incident is the clearer news. */
    static final Duration MAX_AGE = Duration.ofHours(24);

    /** An alert still open at the end of the earlier run. */
    record Open(TargetReport.Notified notified, Instant alertedAt) {
    }

    private EarlierAlerts() {
    }

    /** By target, the alerts {@code self} queued in {@code events} and never recovered, younger than {@link #MAX_AGE}. */
    static Map<TargetId, Open> of(Iterable<Event> events, NodeId self, Instant now) {
        Map<TargetId, Open> open = new HashMap<>();
        for (Event event : events) {
            if (event.kind() != EventKind.NOTIFICATION_QUEUED || !self.equals(event.observer()) || event.target() == null) {
                continue;
            }
            String key = event.attributes().get("incident");
            String kind = event.attributes().get("notification");
            if (key == null || kind == null) {
                continue;
            }
            if (NotificationKind.ALERT.name().equals(kind) && event.status() != null && event.status().isProblem()
                    && event.at().isAfter(now.minus(MAX_AGE))) {
                open.put(event.target(), new Open(
                        new TargetReport.Notified(key, NotificationKind.ALERT, event.status(), self), event.at()));
            } else if (NotificationKind.RECOVERY.name().equals(kind)) {
                Open earlier = open.get(event.target());
                if (earlier != null && earlier.notified().incidentKey().equals(key)) {
                    open.remove(event.target());
                }
            }
        }
        return open;
    }

    /** Whether {@code open} announced {@code status}: then a trouble seen again is the same incident. */
    static boolean sameTrouble(Open open, Status status) {
        return open.notified().status() == status;
    }
}
