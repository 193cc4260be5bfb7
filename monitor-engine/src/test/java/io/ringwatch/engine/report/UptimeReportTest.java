package io.ringwatch.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link UptimeReport} over hand-made timelines. */
class UptimeReportTest {
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(1));
    private static final TargetId N3 = TargetId.parse("n3");
    private static final TargetId WEB = TargetId.parse("n3/web");

    @Test
    void countsEachStateAndLeavesMaintenanceOutOfTheUptime() {
        List<Event> events = List.of(
                state(FROM.minus(Duration.ofDays(2)), WEB, Status.UP),
                state(at(2), WEB, Status.DOWN),
                state(at(3), WEB, Status.UP),
                maintenance(at(10), N3, EventKind.MAINTENANCE_STARTED),
                state(at(10.5), WEB, Status.DOWN),
                state(at(11), WEB, Status.UP),
                maintenance(at(12), N3, EventKind.MAINTENANCE_ENDED),
                state(at(20), WEB, Status.DEGRADED),
                state(at(22), WEB, Status.UP));

        UptimeReport report = UptimeReport.of(events, FROM, TO);

        TargetUptime web = report.targets().get(0);
        assertThat(web.target()).isEqualTo(WEB);
        assertThat(web.down()).isEqualTo(Duration.ofHours(1));
        assertThat(web.degraded()).isEqualTo(Duration.ofHours(2));
        assertThat(web.maintenance()).isEqualTo(Duration.ofHours(2));
        assertThat(web.unknown()).isZero();
        assertThat(web.up()).isEqualTo(Duration.ofHours(19));
        assertThat(web.uptimePercent().getAsDouble()).isCloseTo(100.0 * 21 / 22, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(web.incidents()).extracting(ReportedIncident::start).containsExactly(at(2), at(10.5), at(20));
        assertThat(web.incidents()).extracting(ReportedIncident::worst).containsExactly(Status.DOWN, Status.DOWN, Status.DEGRADED);
        assertThat(web.incidents()).extracting(ReportedIncident::duringMaintenance).containsExactly(false, true, false);
        assertThat(web.incidentCount()).as("the one in the node's maintenance does not count").isEqualTo(2);
        assertThat(web.mttr()).contains(Duration.ofMinutes((60 + 120) / 2));
        assertThat(report.mttr()).isEqualTo(web.mttr());
        assertThat(report.incidentCount()).isEqualTo(2);
    }

    @Test
    void aPeriodThatStartsMidIncidentTakesTheStateFromBeforeIt() {
        List<Event> events = List.of(
                state(FROM.minus(Duration.ofHours(3)), N3, Status.DEGRADED),
                state(FROM.minus(Duration.ofHours(1)), N3, Status.DOWN),
                state(at(1), N3, Status.UP),
                state(at(23), N3, Status.DOWN));

        UptimeReport report = UptimeReport.of(events, FROM, TO);

        TargetUptime n3 = report.targets().get(0);
        assertThat(n3.down()).isEqualTo(Duration.ofHours(2));
        assertThat(n3.up()).isEqualTo(Duration.ofHours(22));
        assertThat(n3.incidents()).hasSize(2);
        ReportedIncident first = n3.incidents().get(0);
        assertThat(first.start()).isEqualTo(FROM.minus(Duration.ofHours(3)));
        assertThat(first.worst()).isEqualTo(Status.DOWN);
        assertThat(first.duration(TO)).isEqualTo(Duration.ofHours(4));
        ReportedIncident open = n3.incidents().get(1);
        assertThat(open.closed()).isFalse();
        assertThat(open.duration(TO)).isEqualTo(Duration.ofHours(1));
        assertThat(report.mttr()).as("only the closed incident counts").contains(Duration.ofHours(4));
    }

    @Test
    void anIncidentThatStartsInMaintenanceIsListedFlaggedButNotCounted() {
        List<Event> events = List.of(
                state(FROM.minus(Duration.ofDays(1)), WEB, Status.UP),
                state(FROM.minus(Duration.ofDays(1)), N3, Status.UP),
                state(at(1), WEB, Status.DOWN),
                maintenance(at(2), WEB, EventKind.MAINTENANCE_STARTED),
                state(at(3), WEB, Status.UP),
                state(at(4), WEB, Status.DEGRADED),
                state(at(4.5), WEB, Status.UP),
                state(at(5), N3, Status.DOWN),
                maintenance(at(6), WEB, EventKind.MAINTENANCE_ENDED),
                state(at(6), WEB, Status.DOWN),
                state(at(7), WEB, Status.UP),
                state(at(8), N3, Status.UP));

        UptimeReport report = UptimeReport.of(events, FROM, TO);

        TargetUptime web = report.targets().get(1);
        assertThat(web.target()).isEqualTo(WEB);
        assertThat(web.incidents()).extracting(ReportedIncident::start, ReportedIncident::duringMaintenance).containsExactly(
                org.assertj.core.groups.Tuple.tuple(at(1), false),
                org.assertj.core.groups.Tuple.tuple(at(4), true),
                org.assertj.core.groups.Tuple.tuple(at(6), false));
        assertThat(web.incidentCount()).isEqualTo(2);
        assertThat(web.mttr()).as("2 h (maintenance inside it included) and 1 h; not the 30 min in maintenance")
                .contains(Duration.ofMinutes(90));
        assertThat(web.down()).isEqualTo(Duration.ofHours(2));
        assertThat(web.maintenance()).isEqualTo(Duration.ofHours(4));
        TargetUptime n3 = report.targets().get(0);
        assertThat(n3.incidents()).singleElement().extracting(ReportedIncident::duringMaintenance)
                .as("a window on a service does not cover its node").isEqualTo(false);
        assertThat(report.incidentCount()).isEqualTo(3);
        assertThat(report.incidents()).hasSize(4);
        assertThat(report.mttr()).contains(Duration.ofMinutes((120 + 60 + 180) / 3));
    }

    @Test
    void anIncidentWhoseTroubleBeganBeforeTheWindowCountsEvenIfConfirmedInIt() {
        List<Event> events = List.of(
                state(FROM.minus(Duration.ofDays(1)), WEB, Status.UP),
                maintenance(at(2), N3, EventKind.MAINTENANCE_STARTED),
                state(at(2.5), WEB, Status.DOWN, at(1.75)),
                state(at(3), WEB, Status.UP, at(3)),
                maintenance(at(4), N3, EventKind.MAINTENANCE_ENDED));

        TargetUptime web = UptimeReport.of(events, FROM, TO).targets().get(0);

        assertThat(web.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.start()).isEqualTo(at(1.75));
            assertThat(incident.duringMaintenance()).isFalse();
        });
        assertThat(web.mttr()).contains(Duration.ofMinutes(75));
        assertThat(web.down()).as("only the 15 min before the window").isEqualTo(Duration.ofMinutes(15));
        assertThat(web.maintenance()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aChangeTakesEffectWhenItsTroubleBeganSoTheDownTimeAndTheIncidentAgree() {
        List<Event> events = List.of(
                state(FROM.minus(Duration.ofDays(1)), WEB, Status.UP),
                state(at(2), WEB, Status.DOWN, at(2).minusSeconds(81)),
                state(at(3), WEB, Status.UP, at(3).minusSeconds(10)));

        TargetUptime web = UptimeReport.of(events, FROM, TO).targets().get(0);

        ReportedIncident incident = web.incidents().get(0);
        assertThat(incident.start()).isEqualTo(at(2).minusSeconds(81));
        assertThat(incident.end()).isEqualTo(at(3).minusSeconds(10));
        assertThat(incident.duration(TO)).isEqualTo(Duration.ofSeconds(3600 + 81 - 10));
        assertThat(web.down()).isEqualTo(incident.duration(TO));
        assertThat(web.up()).isEqualTo(Duration.ofDays(1).minus(incident.duration(TO)));
        assertThat(web.mttr()).contains(incident.duration(TO));
    }

    @Test
    void aSinceThatIsMissingBadLaterThanTheEventOrBeforeThePreviousChangeIsNotTakenAsIs() {
        List<Event> events = List.of(
                state(FROM.minus(Duration.ofDays(1)), WEB, Status.UP),
                stateWithSince(at(1), WEB, Status.DOWN, null),
                stateWithSince(at(2), WEB, Status.UP, "yesterday-ish"),
                stateWithSince(at(3), WEB, Status.DEGRADED, at(3.5).toString()),
                stateWithSince(at(4), WEB, Status.DOWN, at(2).toString()),
                state(at(5), WEB, Status.UP, at(5)));

        TargetUptime web = UptimeReport.of(events, FROM, TO).targets().get(0);

        assertThat(web.incidents()).extracting(ReportedIncident::start).as("the event's time when since is missing or later")
                .containsExactly(at(1), at(3));
        assertThat(web.incidents()).extracting(ReportedIncident::end).as("the event's time when since is no time")
                .containsExactly(at(2), at(5));
        assertThat(web.degraded()).as("the DOWN's since is before the DEGRADED took effect: at that instant")
                .isZero();
        assertThat(web.down()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void maintenanceBeforeTheFirstKnownStateIsMaintenanceNotUnknown() {
        List<Event> events = List.of(
                maintenance(at(1), N3, EventKind.MAINTENANCE_STARTED),
                maintenance(at(1.5), N3, EventKind.MAINTENANCE_STARTED),
                maintenance(at(2), N3, EventKind.MAINTENANCE_ENDED),
                maintenance(at(3), N3, EventKind.MAINTENANCE_ENDED),
                maintenance(at(3.5), N3, EventKind.MAINTENANCE_ENDED),
                state(at(6), WEB, Status.UP));

        TargetUptime web = UptimeReport.of(events, FROM, TO).targets().get(0);

        assertThat(web.maintenance()).as("overlapping windows count once, until the last ends").isEqualTo(Duration.ofHours(2));
        assertThat(web.unknown()).isEqualTo(Duration.ofHours(4));
        assertThat(web.up()).isEqualTo(Duration.ofHours(18));
    }

    @Test
    void timeBeforeTheFirstKnownStateIsUnknown() {
        UptimeReport report = UptimeReport.of(List.of(state(at(6), N3, Status.UP)), FROM, TO);

        TargetUptime n3 = report.targets().get(0);
        assertThat(n3.unknown()).isEqualTo(Duration.ofHours(6));
        assertThat(n3.up()).isEqualTo(Duration.ofHours(18));
        assertThat(n3.uptimePercent().getAsDouble()).isEqualTo(100.0);
        assertThat(n3.mttr()).isEmpty();
    }

    @Test
    void attachesTheKeyAcknowledgementsMessagesAndAnnotationsToTheIncident() {
        List<Event> events = List.of(
                state(FROM.minusSeconds(60), WEB, Status.UP),
                annotation(at(1), WEB, "before: not part of an incident"),
                state(at(2), WEB, Status.DOWN),
                Event.builder(EventKind.ACKNOWLEDGED).at(at(2.25)).observer(NodeId.of("n1")).target(WEB)
                        .message("alice acknowledged").attribute("by", "alice").attribute("note", "on it")
                        .attribute("incident", "n3/web#7").build(),
                Event.builder(EventKind.MESSAGE_RECEIVED).at(at(2.5)).observer(NodeId.of("n1"))
                        .message("bob (telegram): restarting").attribute("by", "bob").attribute("text", "restarting")
                        .attribute("incident", "n3/web#7").build(),
                annotation(at(2.75), WEB, "deploying 2.4.1"),
                annotation(at(2.8), N3, "about the node, not the service"),
                state(at(3), WEB, Status.UP));

        ReportedIncident incident = UptimeReport.of(events, FROM, TO).incidents().get(0);

        assertThat(incident.incidentKey()).contains("n3/web#7");
        assertThat(incident.acknowledgements()).containsExactly(
                new IncidentNote(at(2.25), IncidentNote.Kind.ACKNOWLEDGED, "alice", "on it"));
        assertThat(incident.notes()).containsExactly(
                new IncidentNote(at(2.25), IncidentNote.Kind.ACKNOWLEDGED, "alice", "on it"),
                new IncidentNote(at(2.5), IncidentNote.Kind.MESSAGE, "bob", "restarting"),
                new IncidentNote(at(2.75), IncidentNote.Kind.ANNOTATION, "carol", "deploying 2.4.1"));
    }

    @Test
    void incidentsOverBeforeThePeriodAndEventsAfterItAreLeftOut() {
        List<Event> events = List.of(
                state(FROM.minus(Duration.ofHours(5)), N3, Status.DOWN),
                state(FROM.minus(Duration.ofHours(4)), N3, Status.UP),
                state(TO, N3, Status.DOWN));

        UptimeReport report = UptimeReport.of(events, FROM, TO);

        assertThat(report.incidents()).isEmpty();
        assertThat(report.targets().get(0).up()).isEqualTo(Duration.ofDays(1));
        assertThat(report.mttr()).isEmpty();
    }

    @Test
    void onlyTheTargetsAskedForAreReported() {
        List<Event> events = List.of(state(at(1), N3, Status.UP), state(at(1), WEB, Status.UP));

        assertThat(UptimeReport.of(events, FROM, TO, WEB::equals).targets()).extracting(TargetUptime::target).containsExactly(WEB);
    }

    @Test
    void rejectsAnEmptyPeriod() {
        assertThatThrownBy(() -> UptimeReport.of(List.of(), TO, FROM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDownTimeIsTheTimeBetweenTheStateChangesOfALongRandomLog() {
        Random random = new Random(42);
        List<Event> events = new ArrayList<>();
        List<Instant> effective = new ArrayList<>();
        Instant periodStart = FROM;
        Instant periodEnd = FROM.plus(Duration.ofDays(30));
        Instant t = FROM.minus(Duration.ofDays(1));
        Status[] statuses = {Status.UP, Status.DEGRADED, Status.DOWN};
        while (t.isBefore(periodEnd)) {
            Instant since = t.minusSeconds(random.nextInt(300));
            events.add(state(t, N3, statuses[random.nextInt(3)], since));
            effective.add(effective.isEmpty() ? since : max(since, effective.get(effective.size() - 1)));
            t = t.plusSeconds(1 + random.nextInt(20_000));
        }
        Duration expectedDown = Duration.ZERO;
        for (int i = 0; i < events.size(); i++) {
            Instant start = max(effective.get(i), periodStart);
            Instant end = i + 1 < events.size() ? min(effective.get(i + 1), periodEnd) : periodEnd;
            if (events.get(i).status() == Status.DOWN && end.isAfter(start)) {
                expectedDown = expectedDown.plus(Duration.between(start, end));
            }
        }

        UptimeReport report = UptimeReport.of(events, periodStart, periodEnd);

        TargetUptime n3 = report.targets().get(0);
        assertThat(n3.down()).isEqualTo(expectedDown);
        assertThat(n3.up().plus(n3.degraded()).plus(n3.down())).isEqualTo(Duration.ofDays(30));
        Duration downInIncidents = Duration.ZERO;
        for (ReportedIncident incident : n3.incidents()) {
            int opening = effective.indexOf(incident.start());
            assertThat(opening).as("an incident starts when a change took effect").isNotNegative();
            assertThat(events.get(opening).status()).isNotEqualTo(Status.UP);
            incident.endTime().ifPresent(end -> assertThat(events.get(effective.indexOf(end)).status()).isEqualTo(Status.UP));
            for (int i = opening; i < events.size() && effective.get(i).isBefore(incident.endTime().orElse(periodEnd)); i++) {
                Instant start = max(effective.get(i), periodStart);
                Instant end = min(i + 1 < events.size() ? effective.get(i + 1) : periodEnd, incident.endTime().orElse(periodEnd));
                if (events.get(i).status() == Status.DOWN && end.isAfter(start)) {
                    downInIncidents = downInIncidents.plus(Duration.between(start, end));
                }
            }
        }
        assertThat(downInIncidents).as("the DOWN time is the time the incidents spent DOWN").isEqualTo(n3.down());
        assertThat(n3.incidents()).isNotEmpty();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant at(double hours) {
        return FROM.plus(Duration.ofMinutes(Math.round(hours * 60)));
    }

    @Test
    void stretchesCutThePeriodAtTheirBoundsAndAddUpToIt() {
        TargetId web = TargetId.parse("n3/web");
        Instant midnight = Instant.parse("2026-12-02T00:00:00Z");
        List<Event> events = List.of(
                state(midnight.minus(Duration.ofDays(1)), web, Status.UP),
                // confirmed 30 s after midnight, but DOWN since 23:30: the first day gets its 30 minutes
                state(midnight.plusSeconds(30), web, Status.DOWN, midnight.minus(Duration.ofMinutes(30))),
                state(midnight.plus(Duration.ofMinutes(45)), web, Status.UP),
                maintenance(midnight.plus(Duration.ofHours(2)), web, EventKind.MAINTENANCE_STARTED),
                maintenance(midnight.plus(Duration.ofHours(3)), web, EventKind.MAINTENANCE_ENDED));
        List<Instant> bounds = List.of(midnight.minus(Duration.ofDays(1)), midnight, midnight.plus(Duration.ofHours(12)));

        List<TargetUptime> days = UptimeReport.stretches(events, bounds).get(web);
        TargetUptime whole = UptimeReport.of(events, bounds.get(0), bounds.get(2)).targets().get(0);

        assertThat(days).extracting(TargetUptime::down).containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(45));
        assertThat(days).extracting(TargetUptime::maintenance).containsExactly(Duration.ZERO, Duration.ofHours(1));
        assertThat(days.get(0).up().plus(days.get(1).up())).isEqualTo(whole.up());
        assertThat(days.get(0).down().plus(days.get(1).down())).isEqualTo(whole.down());
        assertThat(days.get(0).maintenance().plus(days.get(1).maintenance())).isEqualTo(whole.maintenance());
        assertThat(days).allMatch(day -> day.incidents().isEmpty());
        assertThatThrownBy(() -> UptimeReport.stretches(events, List.of(midnight, midnight)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ascend");
    }

    private static Event state(Instant at, TargetId target, Status status) {
        return Event.builder(EventKind.STATE_CHANGED).at(at).observer(NodeId.of("n1")).target(target).status(status)
                .message(target + " " + status).attribute("since", at).build();
    }

    private static Event state(Instant at, TargetId target, Status status, Instant since) {
        return stateWithSince(at, target, status, since.toString());
    }

    private static Event stateWithSince(Instant at, TargetId target, Status status, String since) {
        Event.Builder builder = Event.builder(EventKind.STATE_CHANGED).at(at).observer(NodeId.of("n1")).target(target)
                .status(status).message(target + " " + status);
        return since == null ? builder.build() : builder.attribute("since", since).build();
    }

    private static Event maintenance(Instant at, TargetId target, EventKind kind) {
        return Event.builder(kind).at(at).observer(NodeId.of("n1")).target(target).message("maintenance")
                .attribute("reason", "upgrade").build();
    }

    private static Event annotation(Instant at, TargetId target, String text) {
        return Event.builder(EventKind.ANNOTATION).at(at).observer(NodeId.of("n1")).target(target)
                .message("carol: " + text).attribute("by", "carol").build();
    }
}
