package io.ringwatch.engine.statuspage;

import static io.ringwatch.engine.statuspage.Timeline.NODE_N2;
import static io.ringwatch.engine.statuspage.Timeline.NODE_N3;
import static io.ringwatch.engine.statuspage.Timeline.NOW;
import static io.ringwatch.engine.statuspage.Timeline.WEB;
import static io.ringwatch.engine.statuspage.Timeline.acknowledged;
import static io.ringwatch.engine.statuspage.Timeline.annotation;
import static io.ringwatch.engine.statuspage.Timeline.daysAgo;
import static io.ringwatch.engine.statuspage.Timeline.maintenance;
import static io.ringwatch.engine.statuspage.Timeline.probeFailed;
import static io.ringwatch.engine.statuspage.Timeline.queued;
import static io.ringwatch.engine.statuspage.Timeline.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.EventLog;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.report.UptimeReport;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UptimeHistoryTest {
    private final UptimeHistory history = UptimeHistory.create();

    @Test
    void keepsOnlyTheKindsReportsAreMadeOf() {
        Event changed = state(daysAgo(3), WEB, Status.DOWN);
        Event queued = queued(daysAgo(3), WEB, "n3/web#1");
        Event acknowledged = acknowledged(daysAgo(2.9), WEB, "n3/web#1", "alice", "on it");
        Event started = maintenance(daysAgo(2), NODE_N3, EventKind.MAINTENANCE_STARTED);
        Event ended = maintenance(daysAgo(1), NODE_N3, EventKind.MAINTENANCE_ENDED);
        Event annotated = annotation(daysAgo(1), WEB, "carol", "deployed");
        List<Event> timeline = List.of(
                probeFailed(daysAgo(3.1), WEB), changed, queued, acknowledged,
                Event.builder(EventKind.NOTIFICATION_SENT).at(daysAgo(3)).observer(Timeline.N1).target(WEB).build(),
                started, ended, annotated,
                Event.builder(EventKind.WATCH_CHANGED).at(daysAgo(0.5)).observer(Timeline.N1).build());

        timeline.forEach(history::record);

        assertThat(history.events()).containsExactly(changed, queued, acknowledged, started, ended, annotated);
        assertThat(UptimeHistory.KINDS).doesNotContain(EventKind.PROBE_FAILED, EventKind.NOTIFICATION_SENT);
    }

    @Test
    void dropsWhatIsOlderThanTheSpanAndADayButKeepsEachTargetsLastStateAndOpenMaintenance() {
        Event firstUp = state(daysAgo(120), WEB, Status.UP);
        Event down = state(daysAgo(100), WEB, Status.DOWN);
        Event upAgain = state(daysAgo(99), WEB, Status.UP);
        Event stillOpen = maintenance(daysAgo(98), NODE_N2, EventKind.MAINTENANCE_STARTED);
        Event closedStart = maintenance(daysAgo(97), NODE_N3, EventKind.MAINTENANCE_STARTED);
        Event closedEnd = maintenance(daysAgo(96), NODE_N3, EventKind.MAINTENANCE_ENDED);
        Event oldNote = annotation(daysAgo(95), WEB, "carol", "old news");
        Event justInside = state(daysAgo(90.5), NODE_N3, Status.UP);
        Event latest = state(NOW, NODE_N3, Status.DOWN);

        List.of(firstUp, down, upAgain, stillOpen, closedStart, closedEnd, oldNote, justInside, latest).forEach(history::record);

        assertThat(history.events()).containsExactly(upAgain, stillOpen, justInside, latest);
    }

    @Test
    void aTargetUnchangedFor120DaysIsUpOverTheWholePeriod() {
        history.record(state(daysAgo(120), WEB, Status.UP));
        history.record(state(daysAgo(30), NODE_N3, Status.UP));
        history.record(state(daysAgo(1), NODE_N2, Status.UP));

        NodeSummary summary = NodeSummary.of(Timeline.view(Timeline.N1, List.of()), history.events(), NOW, 90);

        TargetUptime web = summary.target(WEB).orElseThrow().period();
        assertThat(web.up()).isEqualTo(Duration.ofDays(90));
        assertThat(web.unknown()).isZero();
        assertThat(summary.target(WEB).orElseThrow().days()).hasSize(90)
                .allSatisfy(day -> assertThat(day.figures().uptimePercent()).hasValue(100.0));
    }

    @Test
    void whatItKeepsGivesTheSameFiguresAsTheWholeLog() {
        Random random = new Random(7);
        List<Event> log = new ArrayList<>();
        TargetId[] targets = {WEB, NODE_N3, NODE_N2};
        Status[] states = {Status.UP, Status.UP, Status.DEGRADED, Status.DOWN};
        boolean[] inMaintenance = new boolean[targets.length];
        for (Instant t = daysAgo(200); t.isBefore(NOW); t = t.plusSeconds(600 + random.nextInt(2 * 86_400))) {
            int which = random.nextInt(targets.length);
            if (random.nextInt(6) == 0) {
                inMaintenance[which] = !inMaintenance[which];
                log.add(maintenance(t, targets[which], inMaintenance[which] ? EventKind.MAINTENANCE_STARTED
                        : EventKind.MAINTENANCE_ENDED));
            } else {
                log.add(state(t, targets[which], states[random.nextInt(states.length)]));
            }
        }
        log.forEach(history::record);

        assertThat(history.events().size()).isLessThan(log.size());
        assertThat(UptimeReport.of(history.events(), NOW.minus(Duration.ofDays(90)), NOW).targets())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("incidents")
                .isEqualTo(UptimeReport.of(log, NOW.minus(Duration.ofDays(90)), NOW).targets());
    }

    @Test
    void holdsAtMostMaxEventsDroppingTheOldestButNotTheLastStates() {
        UptimeHistory small = UptimeHistory.create(Duration.ofDays(90), 3);
        Event webDown = state(daysAgo(5), WEB, Status.DOWN);
        List<Event> notes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notes.add(annotation(daysAgo(4 - i * 0.5), WEB, "carol", "note " + i));
        }

        small.record(webDown);
        notes.forEach(small::record);

        assertThat(small.events()).containsExactly(webDown, notes.get(2), notes.get(3), notes.get(4));
    }

    @Test
    void rejectsAnEmptySpanAndFewerThanOneEvent() {
        assertThatThrownBy(() -> UptimeHistory.create(Duration.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UptimeHistory.create(Duration.ofDays(-1), 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UptimeHistory.create(Duration.ofDays(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seedingKeepsTheKeptKindsFromBeforeTheRunBegan() {
        Instant runBegan = daysAgo(1);
        Event up = state(daysAgo(10), WEB, Status.UP);
        Event down = state(daysAgo(2), WEB, Status.DOWN);
        Event atTheStart = state(runBegan, WEB, Status.UP);
        Event after = state(daysAgo(0.5), WEB, Status.DOWN);

        history.seed(List.of(up, probeFailed(daysAgo(3), WEB), down, atTheStart, after), runBegan);

        assertThat(history.events()).containsExactly(up, down);
    }

    @Test
    void seedingWhileRecordingKeepsEachEventOnceAndInOrder() {
        Instant runBegan = daysAgo(1);
        Event up = state(daysAgo(10), WEB, Status.UP);
        Event earlyLive = state(daysAgo(1.5), WEB, Status.DOWN); // recorded live, but stamped before "until"
        Event live = state(daysAgo(0.5), WEB, Status.UP);
        history.record(earlyLive);
        history.record(live);

        history.seed(List.of(up, earlyLive, live), runBegan);

        assertThat(history.events()).containsExactly(up, earlyLive, live);
    }

    @Test
    void seedingAfterLiveEventsWereDroppedKeepsTheNewerLiveState() {
        UptimeHistory small = UptimeHistory.create(Duration.ofDays(90), 2);
        Event liveDown = state(daysAgo(1), WEB, Status.DOWN);
        small.record(liveDown);
        small.record(annotation(daysAgo(0.9), WEB, "carol", "one"));
        small.record(annotation(daysAgo(0.8), WEB, "carol", "two")); // liveDown is dropped: the cap is 2

        small.seed(List.of(state(daysAgo(10), WEB, Status.UP)), daysAgo(1));

        assertThat(small.events()).filteredOn(event -> event.kind() == EventKind.STATE_CHANGED).containsExactly(liveDown);
    }

    @Test
    void seedingALongLogKeepsOnlyTheSpanAndTheLastStates() {
        List<Event> log = new ArrayList<>();
        for (int day = 200; day >= 2; day--) {
            log.add(state(daysAgo(day), WEB, day % 2 == 0 ? Status.DOWN : Status.UP));
        }

        history.seed(log, NOW);

        List<Event> kept = history.events();
        assertThat(kept.get(0)).as("the last state before the span and a day").isEqualTo(state(daysAgo(94), WEB, Status.DOWN));
        assertThat(kept.get(1)).isEqualTo(state(daysAgo(93), WEB, Status.UP));
        assertThat(kept).hasSize(1 + 92).isSortedAccordingTo(java.util.Comparator.comparing(Event::at));
        assertThat(kept.get(kept.size() - 1)).isEqualTo(state(daysAgo(2), WEB, Status.DOWN));
    }

    @Test
    void theLogItKeepsForwardsEverythingAndRecordsWhatIsAppended() throws IOException {
        Event old = state(daysAgo(3), WEB, Status.UP);
        CountingLog log = new CountingLog(List.of(old));
        EventLog keeping = history.keeping(log);
        Event down = state(daysAgo(1), WEB, Status.DOWN);
        Event noise = probeFailed(daysAgo(1), WEB);

        keeping.append(noise);
        keeping.append(down);
        keeping.flush();
        List<Event> replayed = keeping.replay();
        keeping.close();

        assertThat(log.appended.events()).containsExactly(noise, down);
        assertThat(log.flushes).isEqualTo(1);
        assertThat(log.closes).isEqualTo(1);
        assertThat(replayed).containsExactly(old);
        assertThat(history.events()).containsExactly(down);
        assertThat(keeping).hasToString(log.toString());
    }

    @Test
    void anEventTheLogRefusesIsNotRecorded() {
        EventLog failing = history.keeping(event -> {
            throw new IOException("disk full");
        });

        assertThatThrownBy(() -> failing.append(state(NOW, WEB, Status.DOWN))).isInstanceOf(IOException.class);
        assertThat(history.events()).isEmpty();
    }

    /** A log that counts what it was asked to do. */
    private static final class CountingLog implements EventLog {
        final InMemoryEventLog appended = new InMemoryEventLog();
        final List<Event> earlier;
        int flushes;
        int closes;

        CountingLog(List<Event> earlier) {
            this.earlier = earlier;
        }

        @Override
        public void append(Event event) {
            appended.append(event);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public List<Event> replay() {
            return earlier;
        }

        @Override
        public void close() {
            closes++;
        }

        @Override
        public String toString() {
            return "CountingLog";
        }
    }
}
