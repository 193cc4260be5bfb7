package io.ringwatch.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.statuspage.UptimeHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventHistoryTest {
    private static final NodeId N1 = NodeId.of("n1");
    private static final Instant END = StatusPageCost.END;
    private static final List<TargetId> TARGETS = EventHistory.targets(List.of(NodeId.of("n2"), NodeId.of("n3")), 5);

    @Test
    void namesEachPartnerAndItsServices() {
        assertThat(TARGETS).hasSize(12).startsWith(TargetId.parse("n2"), TargetId.parse("n2/svc1"))
                .contains(TargetId.parse("n3"), TargetId.parse("n3/svc5"));
    }

    @Test
    void theSameSeedGivesTheSameEventsAndAnotherSeedOthers() {
        List<Event> once = EventHistory.generate(N1, TARGETS, 92, 1, END, 1);

        assertThat(EventHistory.generate(N1, TARGETS, 92, 1, END, 1)).isEqualTo(once);
        assertThat(EventHistory.generate(N1, TARGETS, 92, 1, END, 2)).isNotEqualTo(once);
    }

    @Test
    void coversTheDaysAskedOldestFirstWithFlapsAtAboutTheRateAsked() {
        List<Event> events = EventHistory.generate(N1, TARGETS, 92, 2, END, 1);

        assertThat(events).isSortedAccordingTo(Comparator.comparing(Event::at));
        assertThat(events.get(0).at()).isEqualTo(END.minus(Duration.ofDays(93)));
        assertThat(events).allMatch(event -> event.at().isBefore(END) && event.observer().equals(N1));
        Map<EventKind, Long> kinds = events.stream().collect(Collectors.groupingBy(Event::kind, Collectors.counting()));
        long flaps = events.stream().filter(event -> event.kind() == EventKind.STATE_CHANGED && event.status() != Status.UP).count();
        double expected = 2.0 * 93 * TARGETS.size();
        assertThat((double) flaps).isBetween(expected * 0.9, expected * 1.1);
        assertThat(kinds).containsKeys(EventKind.NOTIFICATION_QUEUED, EventKind.ACKNOWLEDGED, EventKind.MESSAGE_RECEIVED,
                EventKind.MAINTENANCE_STARTED, EventKind.MAINTENANCE_ENDED);
        assertThat(kinds.get(EventKind.MAINTENANCE_STARTED)).isEqualTo(2L * 10); // 2 partner nodes, every 10 days
        assertThat(events).filteredOn(event -> event.kind() == EventKind.NOTIFICATION_QUEUED)
                .allMatch(event -> event.attribute("incident").orElse("").startsWith(event.target() + "@"));
    }

    @Test
    void eachTargetAlternatesBetweenUpAndABadStateAndNoFlapsLeavesItUp() {
        List<Event> events = EventHistory.generate(N1, TARGETS, 92, 5, END, 3);
        for (TargetId target : TARGETS) {
            List<Status> states = events.stream().filter(event -> event.kind() == EventKind.STATE_CHANGED
                    && event.target().equals(target)).map(Event::status).toList();
            for (int i = 0; i < states.size(); i++) {
                assertThat(states.get(i) == Status.UP).as(target + " change " + i).isEqualTo(i % 2 == 0);
            }
        }
        assertThat(EventHistory.generate(N1, TARGETS, 92, 0, END, 1))
                .filteredOn(event -> event.kind() == EventKind.STATE_CHANGED).hasSize(TARGETS.size());
    }

    @Test
    void theWorstCaseFillsTheHistorysCap() {
        List<TargetId> forty = EventHistory.targets(List.of(NodeId.of("n2"), NodeId.of("n3")), 19);
        UptimeHistory history = UptimeHistory.create();
        EventHistory.generate(N1, forty, 92, 20, END, 1).forEach(history::record);

        assertThat(history.events()).filteredOn(event -> event.kind() == EventKind.STATE_CHANGED)
                .hasSizeGreaterThanOrEqualTo(UptimeHistory.DEFAULT_MAX_EVENTS - 100);
        assertThat(history.completeSince()).isPresent();
    }

    @Test
    void refusesARateOutOfRange() {
        assertThatThrownBy(() -> EventHistory.generate(N1, TARGETS, 92, -1, END, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventHistory.generate(N1, TARGETS, 0, 1, END, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
