package io.ringwatch.engine.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.routing.TargetPattern;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private static final Event DOWN = Events.ordersApiDown();

    @Test
    void passesEveryEventWithoutConditions() {
        assertThat(EventFilter.all().matches(DOWN)).isTrue();
        assertThat(EventFilter.all().matches(note())).isTrue();
    }

    @Test
    void takesSinceInclusiveAndUntilExclusive() {
        assertThat(EventFilter.custom().since(Events.AT).build().matches(DOWN)).isTrue();
        assertThat(EventFilter.custom().since(Events.AT.plusNanos(1)).build().matches(DOWN)).isFalse();
        assertThat(EventFilter.custom().until(Events.AT.plusNanos(1)).build().matches(DOWN)).isTrue();
        assertThat(EventFilter.custom().until(Events.AT).build().matches(DOWN)).isFalse();
    }

    @Test
    void takesAnyOfTheObserversTargetsAndKinds() {
        EventFilter filter = EventFilter.custom()
                .observer(NodeId.of("n2")).observer(NodeId.of("n1"))
                .target(TargetPattern.of("n4")).target(TargetPattern.of("n3/orders-api"))
                .kinds(EventKind.ANNOTATION, EventKind.STATE_CHANGED)
                .build();

        assertThat(filter.matches(DOWN)).isTrue();
        assertThat(EventFilter.custom().observer(NodeId.of("n2")).build().matches(DOWN)).isFalse();
        assertThat(EventFilter.custom().target(TargetPattern.of("n3/web")).build().matches(DOWN)).isFalse();
        assertThat(EventFilter.custom().kinds(EventKind.PROBE_FAILED).build().matches(DOWN)).isFalse();
    }

    @Test
    void anEventAboutNoTargetPassesNoTargetPattern() {
        assertThat(EventFilter.custom().target(TargetPattern.of("*")).build().matches(note())).isFalse();
        assertThat(EventFilter.custom().target(TargetPattern.of(TargetId.parse("n1"))).build().matches(note())).isFalse();
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> EventFilter.custom().since(Events.AT).until(Events.AT).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("until (2026-11-24T10:15:00Z) must be after since (2026-11-24T10:15:00Z)");
    }

    private static Event note() {
        return Event.builder(EventKind.ANNOTATION).at(Instant.parse("2026-11-24T10:00:00Z")).observer(NodeId.of("n1"))
                .message("hello").build();
    }
}
