package io.ringwatch.engine.report;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.TargetId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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
    private final MaintenanceHistory maintenance = new MaintenanceHistory();

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
        return timelines.values().stream().map(timeline -> timeline.finish(maintenance)).toList();
    }

    /** Each target's times over each stretch between consecutive {@code bounds}, by target. */
    Map<TargetId, List<TargetUptime>> finishStretches(List<Instant> bounds) {
        Map<TargetId, List<TargetUptime>> stretches = new TreeMap<>();
        timelines.forEach((target, timeline) -> stretches.put(target, timeline.stretches(bounds, maintenance)));
        return stretches;
    }

    private void stateChanged(Event event, TargetId target) {
        if (target == null || !included.test(target)) {
            return;
        }
        TargetTimeline timeline = timelines.computeIfAbsent(target, id -> new TargetTimeline(id, from, to));
        timeline.change(event.status(), event.at(), since(event));
    }

    private void maintenance(Event event, TargetId target) {
        if (target == null) {
            return;
        }
        if (event.kind() == EventKind.MAINTENANCE_STARTED) {
            maintenance.started(target, event.at());
        } else {
            maintenance.ended(target, event.at());
        }
    }

    /** The {@code since} attribute of a state change, if it is a time; else null. */
    private static Instant since(Event event) {
        Optional<String> since = event.attribute("since");
        if (since.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(since.get().strip());
        } catch (DateTimeParseException notATime) {
            return null;
        }
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

    /** The annotation without the "by: " that starts its message. */
    private static String annotationText(Event event) {
        String prefix = event.attribute("by").map(by -> by + ": ").orElse("");
        return event.message().startsWith(prefix) ? event.message().substring(prefix.length()) : event.message();
    }
}
