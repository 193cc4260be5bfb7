package io.ringwatch.engine.report;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.TargetId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Reads events oldest first into each target's {@link TargetTimeline}. Not thread-safe. */
final class UptimeCalculator {
    private final Instant from;
    private final Instant to;
    private final Predicate<TargetId> included;
    private final Map<TargetId, TargetTimeline> timelines = new TreeMap<>();
    private final Map<TargetId, Integer> openWindows = new TreeMap<>();

    UptimeCalculator(Instant from, Instant to, Predicate<TargetId> included) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.included = Objects.requireNonNull(included, "included");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the period's end (" + to + ") must be after its start (" + from + ")");
        }
    }

    void accept(Event event) {
        Objects.requireNonNull(event, "event");
        if (!event.at().isBefore(to)) {
            return;
        }
        TargetId target = event.target();
        switch (event.kind()) {
            case STATE_CHANGED -> stateChanged(event, target);
            case MAINTENANCE_STARTED, MAINTENANCE_ENDED -> maintenance(event, target);
            case ACKNOWLEDGED -> {
                timeline(target).ifPresent(timeline -> {
                    event.attribute("incident").ifPresent(timeline::key);
                    timeline.note(new IncidentNote(event.at(), IncidentNote.Kind.ACKNOWLEDGED,
                            event.attribute("by").orElse(""), event.attribute("note").orElse("")));
                });
            }
            case MESSAGE_RECEIVED -> messageReceived(event, target);
            case ANNOTATION -> timeline(target).ifPresent(timeline -> timeline.note(new IncidentNote(event.at(),
                    IncidentNote.Kind.ANNOTATION, event.attribute("by").orElse(""), annotationText(event))));
            case NOTIFICATION_QUEUED, NOTIFICATION_SENT, NOTIFICATION_FAILED, NOTIFICATION_GAVE_UP, NOTIFICATION_SUPPRESSED ->
                    event.attribute("incident").ifPresent(key -> timeline(target).ifPresent(timeline -> timeline.key(key)));
            default -> {
                // other kinds say nothing about uptime or incidents
            }
        }
    }

    List<TargetUptime> finish() {
        return timelines.values().stream().map(timeline -> timeline.finish(inMaintenance(timeline.target()))).toList();
    }

    private void stateChanged(Event event, TargetId target) {
        if (target == null || !included.test(target)) {
            return;
        }
        TargetTimeline timeline = timelines.computeIfAbsent(target, id -> new TargetTimeline(id, from, to));
        timeline.advance(event.at(), inMaintenance(target));
        timeline.change(event.status(), event.at());
    }

    private void maintenance(Event event, TargetId target) {
        if (target == null) {
            return;
        }
        for (TargetTimeline timeline : timelines.values()) {
            if (covers(target, timeline.target())) {
                timeline.advance(event.at(), inMaintenance(timeline.target()));
            }
        }
        int change = event.kind() == EventKind.MAINTENANCE_STARTED ? 1 : -1;
        openWindows.compute(target, (id, open) -> Math.max(0, (open == null ? 0 : open) + change));
    }

    private void messageReceived(Event event, TargetId target) {
        Optional<String> key = event.attribute("incident");
        Optional<TargetTimeline> about = key.flatMap(k -> timelines.values().stream()
                .filter(timeline -> timeline.hasOpenIncident(k)).findFirst());
        if (about.isEmpty()) {
            about = timeline(target);
        }
        String text = event.attribute("text").orElse(event.message());
        about.ifPresent(timeline -> timeline.note(
                new IncidentNote(event.at(), IncidentNote.Kind.MESSAGE, event.attribute("by").orElse(""), text)));
    }

    private Optional<TargetTimeline> timeline(TargetId target) {
        return target == null ? Optional.empty() : Optional.ofNullable(timelines.get(target));
    }

    private boolean inMaintenance(TargetId target) {
        return openWindows.getOrDefault(target, 0) > 0 || openWindows.getOrDefault(TargetId.node(target.node()), 0) > 0;
    }

    /** Whether a window on {@code window} covers {@code target}: the same target, or its node. */
    private static boolean covers(TargetId window, TargetId target) {
        return window.equals(target) || (window.isNode() && window.node().equals(target.node()));
    }

    /** The annotation without the "by: " that starts its message. */
    private static String annotationText(Event event) {
        String prefix = event.attribute("by").map(by -> by + ": ").orElse("");
        return event.message().startsWith(prefix) ? event.message().substring(prefix.length()) : event.message();
    }
}
