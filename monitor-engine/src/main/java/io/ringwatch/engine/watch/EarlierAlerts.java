package io.ringwatch.engine.watch;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.delivery.Dispatcher;
import io.ringwatch.engine.peer.TargetReport;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts an earlier run of this node sent and never followed with a recovery, read from its
 * event log: after a restart the node goes on with those incidents (same key, no second alert)
 * and tells of their recovery. Stateless.
 */
final class EarlierAlerts {
    /** Alerts older than this are not carried over: after a day, a new incident is the clearer news. */
    static final Duration MAX_AGE = Duration.ofHours(24);

    /**
     * An alert still open at the end of the earlier run.
     *
     * @param escalations how many escalation steps it ran
     * @param acknowledgement who acknowledged it and what they said, if someone did
     * @param acknowledgementSent whether the ACKNOWLEDGED notification went out
     */
    record Open(TargetReport.Notified notified, Instant alertedAt, int escalations, Optional<String> acknowledgement,
            boolean acknowledgementSent) {
        Open(TargetReport.Notified notified, Instant alertedAt) {
            this(notified, alertedAt, 0, Optional.empty(), false);
        }
    }

    private EarlierAlerts() {
    }

    /** By target, the alerts {@code self} queued in {@code events} and never recovered, younger than {@link #MAX_AGE}. */
    static Map<TargetId, Open> of(Iterable<Event> events, NodeId self, Instant now) {
        Map<TargetId, Open> open = new HashMap<>();
        for (Event event : events) {
            if (!self.equals(event.observer()) || event.target() == null) {
                continue;
            }
            if (event.kind() == EventKind.ACKNOWLEDGED) {
                open.computeIfPresent(event.target(), (target, earlier) -> sameIncident(earlier, event)
                        ? new Open(earlier.notified(), earlier.alertedAt(), earlier.escalations(),
                                Optional.of(acknowledgement(event)), earlier.acknowledgementSent())
                        : earlier);
                continue;
            }
            if (event.kind() != EventKind.NOTIFICATION_QUEUED) {
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
            } else if (NotificationKind.ESCALATION.name().equals(kind)) {
                int step = step(event.attributes().get(Dispatcher.ESCALATION_STEP));
                open.computeIfPresent(event.target(), (target, earlier) -> sameIncident(earlier, event)
                        ? new Open(earlier.notified(), earlier.alertedAt(), Math.max(step, earlier.escalations()),
                                earlier.acknowledgement(), earlier.acknowledgementSent())
                        : earlier);
            } else if (NotificationKind.ACKNOWLEDGED.name().equals(kind)) {
                open.computeIfPresent(event.target(), (target, earlier) -> sameIncident(earlier, event)
                        ? new Open(earlier.notified(), earlier.alertedAt(), earlier.escalations(),
                                earlier.acknowledgement(), true)
                        : earlier);
            }
        }
        return open;
    }

    private static boolean sameIncident(Open open, Event event) {
        return open.notified().incidentKey().equals(event.attributes().get("incident"));
    }

    /** {@code acknowledged by tim: note}, from an ACKNOWLEDGED event's attributes. */
    private static String acknowledgement(Event event) {
        String note = event.attributes().getOrDefault("note", "");
        return "acknowledged by " + event.attributes().getOrDefault("by", "someone") + (note.isBlank() ? "" : ": " + note);
    }

    private static int step(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException notAStep) {
            return 0;
        }
    }

    /** Whether {@code open} announced {@code status}: then a trouble seen again is the same incident. */
    static boolean sameTrouble(Open open, Status status) {
        return open.notified().status() == status;
    }
}
