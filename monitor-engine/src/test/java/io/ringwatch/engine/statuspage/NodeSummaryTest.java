package io.ringwatch.engine.statuspage;

import static io.ringwatch.engine.statuspage.Timeline.N1;
import static io.ringwatch.engine.statuspage.Timeline.N2;
import static io.ringwatch.engine.statuspage.Timeline.N3;
import static io.ringwatch.engine.statuspage.Timeline.NODE_N2;
import static io.ringwatch.engine.statuspage.Timeline.NODE_N3;
import static io.ringwatch.engine.statuspage.Timeline.NOW;
import static io.ringwatch.engine.statuspage.Timeline.WEB;
import static io.ringwatch.engine.statuspage.Timeline.acknowledged;
import static io.ringwatch.engine.statuspage.Timeline.daysAgo;
import static io.ringwatch.engine.statuspage.Timeline.maintenance;
import static io.ringwatch.engine.statuspage.Timeline.queued;
import static io.ringwatch.engine.statuspage.Timeline.seen;
import static io.ringwatch.engine.statuspage.Timeline.state;
import static io.ringwatch.engine.statuspage.Timeline.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.Status;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.report.UptimeReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSummaryTest {
    private static final Instant FROM = NOW.minus(Duration.ofDays(90));

    @Test
    void thePeriodsFiguresAreExactlyThoseOfAReportOverTheLast90Days() {
        List<Event> events = List.of(
                state(daysAgo(100), WEB, Status.UP),
                state(daysAgo(95), NODE_N3, Status.DOWN),
                state(daysAgo(89.5), NODE_N3, Status.UP),
                state(daysAgo(40), WEB, Status.DEGRADED),
                queued(daysAgo(40), WEB, "n3/web#4"),
                state(daysAgo(39.9), WEB, Status.DOWN),
                acknowledged(daysAgo(39.8), WEB, "n3/web#4", "alice", "looking"),
                state(daysAgo(39.5), WEB, Status.UP),
                maintenance(daysAgo(12), NODE_N3, EventKind.MAINTENANCE_STARTED),
                state(daysAgo(11.9), WEB, Status.DOWN),
                maintenance(daysAgo(11.5), NODE_N3, EventKind.MAINTENANCE_ENDED),
                state(daysAgo(11), WEB, Status.UP),
                state(daysAgo(0.01), WEB, Status.DOWN));

        NodeSummary summary = NodeSummary.of(view(N1, List.of(N3)), events, NOW, 90);

        UptimeReport report = UptimeReport.of(events, FROM, NOW);
        assertThat(summary.node()).isEqualTo(N1);
        assertThat(summary.from()).isEqualTo(FROM);
        assertThat(summary.to()).isEqualTo(NOW);
        assertThat(summary.watching()).containsExactly(N3);
        assertThat(summary.targets()).extracting(TargetSummary::period).containsExactlyElementsOf(report.targets());
        TargetUptime web = summary.target(WEB).orElseThrow().period();
        assertThat(web.maintenance()).isEqualTo(Duration.ofHours(12));
        assertThat(web.down()).isEqualTo(Duration.ofSeconds(Math.round(0.4 * 86_400) + 864).plus(Duration.ofHours(12)));
        assertThat(web.incidents()).extracting(ReportedIncident::key).containsExactly("n3/web#4", null, null);
    }

    @Test
    void dayBarsSplitAnOutageAtUtcMidnight() {
        List<Event> events = List.of(
                state(daysAgo(10), WEB, Status.UP),
                state(Instant.parse("2026-12-03T23:30:00Z"), WEB, Status.DOWN),
                state(Instant.parse("2026-12-04T00:30:00Z"), WEB, Status.UP));

        TargetSummary web = NodeSummary.of(view(N1, List.of(N3)), events, NOW, 90).target(WEB).orElseThrow();

        assertThat(web.days()).extracting(DayUptime::day)
                .containsExactlyElementsOf(LocalDate.parse("2026-11-27").datesUntil(LocalDate.parse("2026-12-08")).toList());
        assertThat(day(web, "2026-12-03").down()).isEqualTo(Duration.ofMinutes(30));
        assertThat(day(web, "2026-12-03").up()).isEqualTo(Duration.ofHours(23).plusMinutes(30));
        assertThat(day(web, "2026-12-04").down()).isEqualTo(Duration.ofMinutes(30));
        assertThat(day(web, "2026-12-04").up()).isEqualTo(Duration.ofHours(23).plusMinutes(30));
        assertThat(day(web, "2026-12-05").up()).isEqualTo(Duration.ofDays(1));
        assertThat(day(web, "2026-11-27").unknown()).as("before its first state that day").isEqualTo(Duration.ofHours(14)
                .plusMinutes(5).plusSeconds(17).plusMillis(250));
        assertThat(day(web, "2026-12-07").up()).as("today, up to now").isEqualTo(Duration.ofHours(14).plusMinutes(5)
                .plusSeconds(17).plusMillis(250));
        assertThat(web.days()).as("a bar carries no incidents").allSatisfy(day -> assertThat(day.figures().incidents()).isEmpty());
    }

    @Test
    void aTargetOnlyInTheViewIsSummarisedWithItsStateAndAllItsTimeUnknown() {
        Instant since = daysAgo(0.2);

        NodeSummary summary = NodeSummary.of(view(N1, List.of(N2), seen(NODE_N2, Status.UP, since)), List.of(), NOW, 90);

        TargetSummary n2 = summary.target(NODE_N2).orElseThrow();
        assertThat(n2.current()).contains(Status.UP);
        assertThat(n2.since()).isEqualTo(since);
        assertThat(n2.period().unknown()).isEqualTo(Duration.ofDays(90));
        assertThat(n2.period().uptimePercent()).isEmpty();
        assertThat(n2.days()).isEmpty();
        assertThat(summary.sees(NODE_N2)).isTrue();
    }

    @Test
    void aTargetWithEventsButNotWatchedNowHasNoCurrentState() {
        NodeSummary summary = NodeSummary.of(view(N1, List.of(N2), seen(NODE_N2, Status.UNKNOWN, null)),
                List.of(state(daysAgo(5), NODE_N3, Status.UP)), NOW, 90);

        assertThat(summary.target(NODE_N3).orElseThrow().current()).isEmpty();
        assertThat(summary.target(NODE_N3).orElseThrow().period().up()).isEqualTo(Duration.ofDays(5));
        assertThat(summary.sees(NODE_N3)).isFalse();
        assertThat(summary.sees(NODE_N2)).as("UNKNOWN is not seeing it").isFalse();
        assertThat(summary.targets()).extracting(TargetSummary::target).containsExactly(NODE_N2, NODE_N3);
    }

    @Test
    void carriesOnlyTheNewestIncidentsOfEachTargetButAllTheirTime() {
        List<Event> events = new ArrayList<>();
        events.add(state(daysAgo(80), WEB, Status.UP));
        for (int i = 0; i < NodeSummary.INCIDENTS_PER_TARGET + 2; i++) {
            events.add(state(daysAgo(70 - i), WEB, Status.DOWN));
            events.add(state(daysAgo(70 - i).plus(Duration.ofHours(1)), WEB, Status.UP));
        }

        TargetUptime web = NodeSummary.of(view(N1, List.of()), events, NOW, 90).target(WEB).orElseThrow().period();

        assertThat(web.incidents()).hasSize(NodeSummary.INCIDENTS_PER_TARGET);
        assertThat(web.incidents()).extracting(ReportedIncident::start)
                .containsExactly(daysAgo(68), daysAgo(67), daysAgo(66), daysAgo(65), daysAgo(64), daysAgo(63),
                        daysAgo(62), daysAgo(61), daysAgo(60), daysAgo(59));
        assertThat(web.down()).isEqualTo(Duration.ofHours(NodeSummary.INCIDENTS_PER_TARGET + 2));
    }

    @Test
    void rejectsFewerThanOneDay() {
        assertThatThrownBy(() -> NodeSummary.of(view(N1, List.of()), List.of(), NOW, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("days");
    }

    private static TargetUptime day(TargetSummary summary, String day) {
        return summary.days().stream().filter(bar -> bar.day().equals(LocalDate.parse(day))).findFirst().orElseThrow()
                .figures();
    }

    @Test
    void aOneDayPeriodEndingAtMidnightHasNoBarsButItsFigures() {
        Instant midnight = Instant.parse("2026-12-07T00:00:00Z");
        NodeSummary summary = NodeSummary.of(view(N1, List.of(N2)), List.of(state(midnight.minus(Duration.ofHours(30)),
                NODE_N2, Status.UP)), midnight, 1);

        assertThat(summary.target(NODE_N2).orElseThrow().days()).isEmpty();
        assertThat(summary.target(NODE_N2).orElseThrow().period().up()).isEqualTo(Duration.ofDays(1));
    }
}
