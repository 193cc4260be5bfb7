package io.ringwatch.engine.delivery;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable outbox, kept in the event log itself: each delivery is recorded as
 * {@link EventKind#NOTIFICATION_QUEUED} with the whole notification in its attributes and an id,
 * and closed by a {@link EventKind#NOTIFICATION_SENT} or {@link EventKind#NOTIFICATION_GAVE_UP}
 * with the same id. What a restarted engine reads back unclosed, it sends again: at least once,
 * so a crash between a provider's answer and its record may send one twice (channels that
 * deduplicate by incident key collapse it). Stateless.
 */
final class Outbox {
    /** The attribute that names a delivery. */
    static final String DELIVERY = "delivery";
    /** The attribute that names the delivery's channel uniquely (two notifiers may share a name). */
    static final String CHANNEL_KEY = "channel-key";
    /** The attribute that names the contact a delivery is for, if any. */
    static final String TO = "to";
    /** Deliveries older than this are not sent again after a restart: the news is stale. */
    static final Duration MAX_AGE = Duration.ofHours(24);

    private static final String PREFIX = "n.";

    private Outbox() {
    }

    /**
     * Makes the ids of one run's deliveries: the run's start and a counter, so that ids are
     * unique in a node's log across restarts and the same in a replayed simulation.
     */
    static final class Ids {
        private final String run;
        private final AtomicLong next = new AtomicLong();

        Ids(Instant runStarted) {
            this(runStarted, 0);
        }

        /** @param eventsBefore how many events the log held when this run started: no earlier run had as many */
        Ids(Instant runStarted, int eventsBefore) {
            run = Long.toString(runStarted.getEpochSecond(), 36) + "." + Long.toString(runStarted.getNano(), 36)
                    + "." + Integer.toString(eventsBefore, 36);
        }

        String next() {
            return run + "-" + next.incrementAndGet();
        }
    }

    /** The notification as attributes of its QUEUED event. */
    static Map<String, String> attributes(Notification notification) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(PREFIX + "incident", notification.incidentKey());
        attributes.put(PREFIX + "kind", notification.kind().name());
        attributes.put(PREFIX + "target", notification.target().toString());
        attributes.put(PREFIX + "previous", notification.previous().name());
        attributes.put(PREFIX + "current", notification.current().name());
        attributes.put(PREFIX + "severity", notification.severity().name());
        attributes.put(PREFIX + "observer", notification.observer().value());
        attributes.put(PREFIX + "since", notification.since().toString());
        attributes.put(PREFIX + "at", notification.at().toString());
        attributes.put(PREFIX + "reason", notification.reason());
        return attributes;
    }

    /** A delivery to send again: the channel's key, the id, the notification and the contact it is for (or null). */
    record Pending(String channel, String id, Notification notification, String contact) {
    }

    /**
     * The deliveries of {@code events} that were queued, by {@code observer}, less than
     * {@link #MAX_AGE} before {@code now}, and never sent or given up; oldest first. Events that
     * cannot be read back as a notification are skipped.
     */
    static List<Pending> unfinished(List<Event> events, NodeId observer, Instant now) {
        Map<String, Pending> open = new LinkedHashMap<>();
        for (Event event : events) {
            String id = event.attributes().get(DELIVERY);
            if (id == null || !observer.equals(event.observer())) {
                continue;
            }
            if (event.kind() == EventKind.NOTIFICATION_QUEUED && event.at().isAfter(now.minus(MAX_AGE))) {
                Notification notification = notification(event.attributes());
                String channel = event.attributes().getOrDefault(CHANNEL_KEY, event.attributes().get("channel"));
                if (notification != null && channel != null) {
                    open.put(id, new Pending(channel, id, notification, event.attributes().get(TO)));
                }
            } else if (event.kind() == EventKind.NOTIFICATION_SENT || event.kind() == EventKind.NOTIFICATION_GAVE_UP) {
                open.remove(id);
            }
        }
        return new ArrayList<>(open.values());
    }

    private static Notification notification(Map<String, String> attributes) {
        try {
            return Notification.builder()
                    .incidentKey(attributes.get(PREFIX + "incident"))
                    .kind(NotificationKind.valueOf(attributes.get(PREFIX + "kind")))
                    .target(TargetId.parse(attributes.get(PREFIX + "target")))
                    .previous(Status.valueOf(attributes.get(PREFIX + "previous")))
                    .current(Status.valueOf(attributes.get(PREFIX + "current")))
                    .severity(Severity.valueOf(attributes.get(PREFIX + "severity")))
                    .observer(NodeId.of(attributes.get(PREFIX + "observer")))
                    .since(Instant.parse(attributes.get(PREFIX + "since")))
                    .at(Instant.parse(attributes.get(PREFIX + "at")))
                    .reason(attributes.get(PREFIX + "reason"))
                    .build();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
