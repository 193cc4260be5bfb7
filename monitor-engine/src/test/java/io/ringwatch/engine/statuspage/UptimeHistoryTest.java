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
import io.ringwatch.engine.eventlog.CapturedStderr;
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
        assertThat(history.completeSince()).as("nothing was dropped by the cap").isEmpty();
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
        List<Event> log = randomLog(new Random(7), 0);
        log.forEach(history::record);

        assertThat(history.events().size()).isLessThan(log.size());
        assertSameFigures(history.events(), log);
        assertThat(history.completeSince()).isEmpty();
    }

    @Test
    void aFloodOfNotificationsPushesOutNoStateChangeSoTheFiguresStayTheLogs() {
        List<Event> log = randomLog(new Random(11), 20);
        int stateAndMaintenanceInTheSpan = (int) log.stream().filter(event -> event.kind() != EventKind.NOTIFICATION_QUEUED)
                .filter(event -> event.at().isAfter(daysAgo(91))).count();
        UptimeHistory small = UptimeHistory.create(Duration.ofDays(90), stateAndMaintenanceInTheSpan + 5);
        List<Event> notifications = log.stream().filter(event -> event.kind() == EventKind.NOTIFICATION_QUEUED).toList();
        int notificationsKept = (stateAndMaintenanceInTheSpan + 5) / 2;

        log.forEach(small::record);

        assertThat(notifications).hasSizeGreaterThan(10 * notificationsKept);
        assertThat(small.events()).filteredOn(event -> event.kind() == EventKind.NOTIFICATION_QUEUED)
                .containsExactlyElementsOf(notifications.subList(notifications.size() - notificationsKept, notifications.size()));
        assertSameFigures(small.events(), log);
        assertThat(small.completeSince()).isEmpty();
    }

    @Test
    void capsTheOtherKindsApartFromStateAndMaintenance() {
        UptimeHistory small = UptimeHistory.create(Duration.ofDays(90), 4); // and 2 of the other kinds
        Event webDown = state(daysAgo(5), WEB, Status.DOWN);
        Event started = maintenance(daysAgo(4.9), NODE_N3, EventKind.MAINTENANCE_STARTED);
        List<Event> notes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notes.add(annotation(daysAgo(4 - i * 0.5), WEB, "carol", "note " + i));
        }

        small.record(webDown);
        small.record(started);
        notes.forEach(small::record);

        assertThat(small.events()).containsExactly(webDown, started, notes.get(3), notes.get(4));
        assertThat(small.completeSince()).isEmpty();
    }

    @Test
    void holdsAtMostMaxStateAndMaintenanceEventsDroppingTheOldestButNotTheLastStates() {
        UptimeHistory small = UptimeHistory.create(Duration.ofDays(90), 2);
        Event webUp = state(daysAgo(10), WEB, Status.UP);
        Event webDown = state(daysAgo(9), WEB, Status.DOWN);
        Event stillOpen = maintenance(daysAgo(8.5), NODE_N2, EventKind.MAINTENANCE_STARTED);
        Event webUpAgain = state(daysAgo(8), WEB, Status.UP);
        Event n3Down = state(daysAgo(7), NODE_N3, Status.DOWN);

        List.of(webUp, webDown, stillOpen, webUpAgain, n3Down).forEach(small::record);

        assertThat(small.events()).containsExactly(webDown, stillOpen, webUpAgain, n3Down);
        assertThat(small.completeSince()).contains(webUpAgain.at());
    }

    @Test
    void warnsOnceWhenTheCapFirstDropsAStateChange() {
        UptimeHistory small = UptimeHistory.create(Duration.ofDays(90), 1);
        List<String> lines;
        try (CapturedStderr captured = new CapturedStderr()) {
            small.record(state(daysAgo(3), WEB, Status.UP));
            small.record(annotation(daysAgo(2.5), WEB, "carol", "one"));
            small.record(annotation(daysAgo(2.4), WEB, "carol", "two")); // the other kinds' cap: no warning
            small.record(state(daysAgo(2), WEB, Status.DOWN));
            small.record(state(daysAgo(1), WEB, Status.UP));
            lines = captured.lines();
        }

        assertThat(lines).filteredOn(line -> line.contains(UptimeHistory.class.getName())).singleElement()
                .asString().contains("WARN", "at most 1 state and maintenance events", "before " + daysAgo(2),
                        "may differ from the event log's");
        assertThat(small.completeSince()).contains(daysAgo(1));
    }

    @Test
    void forgetsWhatTheCapDroppedOnceItIsPastTheSpanAnyway() {
        UptimeHistory small = UptimeHistory.create(Duration.ofDays(90), 3);
        Event upFor50Days = state(daysAgo(50), WEB, Status.UP);
        Event down = state(daysAgo(40), WEB, Status.DOWN);
        List.of(upFor50Days, down, state(daysAgo(30), WEB, Status.UP), state(daysAgo(20), WEB, Status.DOWN))
                .forEach(small::record);
        assertThat(small.completeSince()).contains(down.at());

        small.record(annotation(daysAgo(-42), WEB, "carol", "six weeks on")); // the span starts 48 days ago

        assertThat(small.completeSince()).isEmpty();
        assertThat(small.events()).startsWith(upFor50Days, down);
    }

    @Test
    void itsVersionChangesWithEveryEventKeptAndOnlyThen() {
        long before = history.version();
        history.record(probeFailed(daysAgo(1), WEB));
        assertThat(history.version()).as("a kind it does not keep").isEqualTo(before);

        history.record(state(daysAgo(1), WEB, Status.DOWN));
        long afterOne = history.version();
        history.seed(List.of(state(daysAgo(3), WEB, Status.UP)), daysAgo(2));

        assertThat(afterOne).isGreaterThan(before);
        assertThat(history.version()).isGreaterThan(afterOne);
    }

    @Test
    void keepsALateEventInItsPlace() {
        Event later = state(daysAgo(1), WEB, Status.UP);
        Event late = state(daysAgo(2), WEB, Status.DOWN);
        Event note = annotation(daysAgo(1), WEB, "carol", "same instant as the state change");

        history.record(note);
        history.record(later);
        history.record(late);

        assertThat(history.events()).as("of one instant, in the order they came").containsExactly(late, note, later);
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
        small.record(state(daysAgo(0.9), NODE_N3, Status.UP));
        small.record(state(daysAgo(0.8), NODE_N2, Status.UP)); // liveDown is dropped: the cap is 2

        small.seed(List.of(state(daysAgo(10), WEB, Status.UP)), daysAgo(1));

        assertThat(small.events()).filteredOn(event -> WEB.equals(event.target())).containsExactly(liveDown);
    }

    @Test
    void seedingSortsWhatTheLogGivesOutOfOrderKeepingEventsOfOneInstantInTheirOrder() {
        Event rotatedUp = state(daysAgo(10), WEB, Status.UP);
        Event rotatedDown = state(daysAgo(9), WEB, Status.DOWN);
        Event noteAtTheSameInstant = annotation(daysAgo(5), WEB, "carol", "comes first in the file");
        Event up = state(daysAgo(5), WEB, Status.UP);
        Event n3Down = state(daysAgo(5), NODE_N3, Status.DOWN);
        Event live = state(daysAgo(0.5), WEB, Status.DOWN);
        history.record(live);

        history.seed(List.of(noteAtTheSameInstant, up, n3Down, rotatedUp, rotatedDown), daysAgo(1));

        assertThat(history.events()).containsExactly(rotatedUp, rotatedDown, noteAtTheSameInstant, up, n3Down, live);
    }

    @Test
    void seedingOutOfOrderPastTheCapKeepsTheNewestAndTheLastStates() {
        UptimeHistory small = UptimeHistory.create(Duration.ofDays(90), 3);
        Event d10 = state(daysAgo(10), WEB, Status.UP);
        Event d9 = state(daysAgo(9), WEB, Status.DOWN);
        Event d8 = state(daysAgo(8), WEB, Status.UP);
        Event d7 = state(daysAgo(7), WEB, Status.DOWN);
        Event d6 = state(daysAgo(6), WEB, Status.UP);
        Event d5 = state(daysAgo(5), WEB, Status.DOWN);

        small.seed(List.of(d7, d5, d6, d10, d9, d8), NOW); // a rotated file read after the current one

        assertThat(small.events()).containsExactly(d8, d7, d6, d5);
        assertThat(small.completeSince()).contains(d7.at());
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

    /** About 200 days of state changes and maintenance, each followed by {@code notifications} queued ones. */
    private static List<Event> randomLog(Random random, int notifications) {
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
            for (int i = 0; i < notifications; i++) {
                log.add(queued(t.plusSeconds(i + 1), targets[which], targets[which] + "#" + log.size()));
            }
        }
        return log;
    }

    private static void assertSameFigures(List<Event> kept, List<Event> log) {
        assertThat(UptimeReport.of(kept, NOW.minus(Duration.ofDays(90)), NOW).targets())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("incidents")
                .isEqualTo(UptimeReport.of(log, NOW.minus(Duration.ofDays(90)), NOW).targets());
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
