package io.ringwatch.testkit;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.eventlog.HumanEventFormat;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on recorded events. A failure lists every event that was recorded, one human line
 * each, so a failing test explains itself. Not thread-safe.
 */
public final class EventsAssert extends AbstractAssert<EventsAssert, List<Event>> {

    private EventsAssert(List<Event> events) {
        super(List.copyOf(events), EventsAssert.class);
    }

    /** Starts assertions on these events. */
    public static EventsAssert assertThat(List<Event> events) {
        return new EventsAssert(events);
    }

    /** Starts assertions on what this log holds now. */
    public static EventsAssert assertThat(InMemoryEventLog log) {
        return new EventsAssert(log.events());
    }

    /** At least one event of this kind was recorded. */
    public EventsAssert hasEvent(EventKind kind) {
        return hasEventMatching(event -> event.kind() == kind, "an event of kind " + kind);
    }

    /** At least one event of this kind about this target was recorded. */
    public EventsAssert hasEvent(EventKind kind, TargetId target) {
        return hasEventMatching(event -> event.kind() == kind && target.equals(event.target()),
                "an event of kind " + kind + " about " + target);
    }

    /** No event of this kind was recorded. */
    public EventsAssert hasNoEvent(EventKind kind) {
        return hasNoEventMatching(event -> event.kind() == kind, "an event of kind " + kind);
    }

    /** No event of this kind about this target was recorded. */
    public EventsAssert hasNoEvent(EventKind kind, TargetId target) {
        return hasNoEventMatching(event -> event.kind() == kind && target.equals(event.target()),
                "an event of kind " + kind + " about " + target);
    }

    /** Exactly {@code count} events of this kind were recorded. */
    public EventsAssert hasEventCount(EventKind kind, int count) {
        isNotNull();
        long found = actual.stream().filter(event -> event.kind() == kind).count();
        if (found != count) {
            failWithMessage("Expected %d event(s) of kind %s but found %d in:%n%s", count, kind, found, listing());
        }
        return this;
    }

    /** At least one recorded event matches. */
    public EventsAssert hasEventMatching(Predicate<Event> condition, String description) {
        isNotNull();
        if (actual.stream().noneMatch(condition)) {
            failWithMessage("Expected %s but found none in:%n%s", description, listing());
        }
        return this;
    }

    /** No recorded event matches. */
    public EventsAssert hasNoEventMatching(Predicate<Event> condition, String description) {
        isNotNull();
        List<Event> found = actual.stream().filter(condition).toList();
        if (!found.isEmpty()) {
            failWithMessage("Expected no %s but found:%n%s%nAll events:%n%s", description, listing(found), listing());
        }
        return this;
    }

    private String listing() {
        return listing(actual);
    }

    private static String listing(List<Event> events) {
        if (events.isEmpty()) {
            return "  (no events)";
        }
        return events.stream().map(event -> "  " + HumanEventFormat.format(event) + "  [" + event.kind() + "]")
                .collect(Collectors.joining(System.lineSeparator()));
    }
}
