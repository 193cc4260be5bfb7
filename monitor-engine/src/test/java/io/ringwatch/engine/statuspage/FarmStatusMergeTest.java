package io.ringwatch.engine.statuspage;

import static io.ringwatch.engine.statuspage.Timeline.N1;
import static io.ringwatch.engine.statuspage.Timeline.N2;
import static io.ringwatch.engine.statuspage.Timeline.N3;
import static io.ringwatch.engine.statuspage.Timeline.NODE_N2;
import static io.ringwatch.engine.statuspage.Timeline.NODE_N3;
import static io.ringwatch.engine.statuspage.Timeline.NOW;
import static io.ringwatch.engine.statuspage.Timeline.WEB;
import static io.ringwatch.engine.statuspage.Timeline.daysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.report.IncidentNote;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.ring.Ring;
import io.ringwatch.engine.ring.RingOrder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FarmStatusMergeTest {
    private static final NodeId N4 = NodeId.of("n4");
    private static final TargetId NODE_N1 = TargetId.node(N1);
    private static final TargetId NODE_N4 = TargetId.node(N4);
    private static final List<Member> MEMBERS = List.of(
            Member.of("n1", "http://127.0.0.1:7071"),
            Member.of("n2", "http://127.0.0.1:7072"),
            Member.of("n3", "http://127.0.0.1:7073", ServiceSpec.http("web", "http://127.0.0.1:8080/health")),
            Member.watchedOnly("n4", "tcp://127.0.0.1:22"));
    /** Each node watches the next two: n1 → n2, n3; n2 → n3, n4, n1; n3 → n4, n1, n2; n4 watches nobody. */
    private static final Ring RING = Ring.of(List.of(N1, N2, N3, N4), RingOrder.CONFIGURED, 2, java.util.Set.of(N4));

    private final Map<NodeId, NodeSummary> summaries = new HashMap<>();

    @Test
    void aTargetsStateIsTheWorstItsWatchersReport() {
        answers(N1, List.of(N2, N3), now(NODE_N2, Status.UP, daysAgo(3)), now(WEB, Status.UP, daysAgo(5)));
        answers(N2, List.of(N3, N4, N1), now(WEB, Status.DOWN, daysAgo(0.1)), now(NODE_N1, Status.UP, daysAgo(9)));
        answers(N3, List.of(N4, N1, N2), now(NODE_N2, Status.DEGRADED, daysAgo(0.2)), now(NODE_N4, Status.UP, daysAgo(7)));

        FarmStatus farm = merge(N1);

        assertThat(farm.targets()).extracting(FarmStatus.TargetRow::target)
                .containsExactly(NODE_N1, NODE_N2, NODE_N3, WEB, NODE_N4);
        assertRow(farm, WEB, Status.DOWN, daysAgo(0.1));
        assertRow(farm, NODE_N2, Status.DEGRADED, daysAgo(0.2));
        assertRow(farm, NODE_N1, Status.UP, daysAgo(9));
        assertRow(farm, NODE_N3, Status.UNKNOWN, null);
        assertThat(farm.ring()).extracting(FarmStatus.RingNode::status)
                .containsExactly(Status.UP, Status.DEGRADED, Status.UNKNOWN, Status.UP);
    }

    @Test
    void aWatcherThatDoesNotAnswerSaysNothingAndItsArrowsAreThePlan() {
        answers(N1, List.of(N2, N3), now(NODE_N2, Status.UP, daysAgo(3)), now(NODE_N3, Status.UP, daysAgo(3)));
        answers(N2, List.of(N3, N4, N1), now(NODE_N3, Status.UP, daysAgo(2)));

        FarmStatus farm = merge(N2);

        assertRow(farm, NODE_N4, Status.UNKNOWN, null);
        assertThat(farm.ring()).extracting(FarmStatus.RingNode::answered).containsExactly(true, true, false, false);
        assertThat(farm.ring()).extracting(FarmStatus.RingNode::runsEngine).containsExactly(true, true, true, false);
        assertThat(farm.edges()).containsExactly(
                new FarmStatus.RingEdge(N1, N2, true), new FarmStatus.RingEdge(N1, N3, true),
                new FarmStatus.RingEdge(N2, N3, true), new FarmStatus.RingEdge(N2, N4, true), new FarmStatus.RingEdge(N2, N1, true),
                new FarmStatus.RingEdge(N3, N4, false), new FarmStatus.RingEdge(N3, N1, false), new FarmStatus.RingEdge(N3, N2, false));
    }

    @Test
    void theNodeThatRendersThePageIsUpWhenNobodyReportsIt() {
        answers(N1, List.of(N2, N3), now(NODE_N2, Status.UP, daysAgo(3)));

        FarmStatus farm = merge(N1);

        assertRow(farm, NODE_N1, Status.UP, null);
        assertRow(farm, NODE_N2, Status.UP, daysAgo(3));
        assertRow(farm, NODE_N3, Status.UNKNOWN, null);
    }

    @Test
    void aNodeThatIsNotTheRendererAndThatNobodyReportsIsUnknown() {
        answers(N1, List.of(N2, N3));

        assertRow(merge(N2), NODE_N1, Status.UNKNOWN, null);
    }

    @Test
    void uptimeComesFromTheNodeThatLeftTheLeastOfThePeriodUnknown() {
        TargetSummary fromN1 = figures(WEB, Duration.ofHours(3), "2026-12-06");
        TargetSummary fromN2 = figures(WEB, Duration.ofHours(1), "2026-12-05");
        TargetSummary fromN3 = figures(WEB, Duration.ofHours(2), "2026-12-04");
        answers(N1, List.of(N2, N3), fromN1);
        answers(N2, List.of(N3, N4, N1), fromN2);
        answers(N3, List.of(N4, N1, N2), fromN3);

        FarmStatus.TargetRow web = merge(N1).row(WEB).orElseThrow();

        assertThat(web.seenBy()).isEqualTo(N2);
        assertThat(web.period()).isEqualTo(fromN2.period());
        assertThat(web.days()).isEqualTo(fromN2.days());
    }

    @Test
    void theFiguresComeFromANodeThatWatchesTheTargetNowEvenIfAFormerWatcherKnowsMore() {
        TargetSummary former = figures(WEB, Duration.ZERO, "2026-12-06"); // watched n3/web for 90 days, until it stopped
        TargetSummary current = new TargetSummary(WEB, Status.DOWN, daysAgo(1), new TargetUptime(WEB, Duration.ofDays(29),
                Duration.ZERO, Duration.ofDays(1), Duration.ZERO, Duration.ofDays(60), List.of()), List.of());
        answers(N1, List.of(N2, N3), former);
        answers(N2, List.of(N3, N4, N1), current);

        FarmStatus.TargetRow web = merge(N1).row(WEB).orElseThrow();

        assertThat(web.seenBy()).isEqualTo(N2);
        assertThat(web.period()).isEqualTo(current.period());
    }

    @Test
    void onATieTheFirstInRingOrderGivesTheFiguresAndNothingObservedIsNoSource() {
        TargetSummary onlyMaintenance = new TargetSummary(WEB, null, null, new TargetUptime(WEB, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ofDays(90), Duration.ZERO, List.of()), List.of());
        answers(N3, List.of(N4, N1, N2), figures(WEB, Duration.ofHours(1), "2026-12-04"));
        answers(N2, List.of(N3, N4, N1), figures(WEB, Duration.ofHours(1), "2026-12-05"));
        answers(N1, List.of(N2, N3), onlyMaintenance);

        FarmStatus farm = merge(N1);

        assertThat(farm.row(WEB).orElseThrow().seenBy()).isEqualTo(N2);
        assertThat(farm.row(NODE_N4).orElseThrow().seenBy()).isNull();
        assertThat(farm.row(NODE_N4).orElseThrow().period().unknown()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void oneIncidentSeenByTwoNodesIsListedOnceWithAllItsNotes() {
        IncidentNote ack = new IncidentNote(daysAgo(1.9), IncidentNote.Kind.ACKNOWLEDGED, "alice", "on it");
        IncidentNote reply = new IncidentNote(daysAgo(1.95), IncidentNote.Kind.MESSAGE, "bob", "it is the disk");
        IncidentNote annotation = new IncidentNote(daysAgo(1.8), IncidentNote.Kind.ANNOTATION, "carol", "replaced");
        ReportedIncident asN1SawIt = new ReportedIncident(WEB, daysAgo(2), null, Status.DEGRADED, "n3/web#7", List.of(ack, annotation));
        ReportedIncident asN2SawIt = new ReportedIncident(WEB, daysAgo(2).minusSeconds(40), daysAgo(1.5), Status.DOWN, "n3/web#7",
                List.of(reply, ack));
        ReportedIncident other = new ReportedIncident(WEB, daysAgo(1), daysAgo(0.9), Status.DOWN, null, List.of());
        ReportedIncident otherAgain = new ReportedIncident(NODE_N3, daysAgo(0.5), null, Status.DOWN, null, List.of());
        answers(N1, List.of(N2, N3), withIncidents(WEB, asN1SawIt, other));
        answers(N2, List.of(N3, N4, N1), withIncidents(WEB, asN2SawIt, other), withIncidents(NODE_N3, otherAgain));

        List<ReportedIncident> incidents = merge(N1).incidents();

        assertThat(incidents).as("open, since n1 still watches n3/web and sees it open").containsExactly(otherAgain, other,
                new ReportedIncident(WEB, daysAgo(2).minusSeconds(40), null, Status.DOWN, "n3/web#7",
                        List.of(reply, ack, annotation)));
    }

    @Test
    void copiesOfOneNoteWrittenByTwoWatchersAMomentApartAreShownOnce() {
        IncidentNote taken = new IncidentNote(daysAgo(1.9), IncidentNote.Kind.MESSAGE, "alice", "rebooting");
        IncidentNote copy = new IncidentNote(daysAgo(1.9).plusMillis(350), IncidentNote.Kind.MESSAGE, "alice", "rebooting");
        IncidentNote later = new IncidentNote(daysAgo(1.8), IncidentNote.Kind.MESSAGE, "alice", "rebooting");
        answers(N1, List.of(N2, N3), withIncidents(WEB, new ReportedIncident(WEB, daysAgo(2), daysAgo(1.5), Status.DOWN, null,
                List.of(taken, later))));
        answers(N2, List.of(N3, N4, N1), withIncidents(WEB, new ReportedIncident(WEB, daysAgo(2).plusSeconds(30), daysAgo(1.5),
                Status.DOWN, null, List.of(copy))));

        assertThat(merge(N1).incidents()).singleElement().satisfies(incident -> assertThat(incident.notes())
                .as("the same words two hours apart are said twice").containsExactly(taken, later));
    }

    @Test
    void incidentsWithTwoKeysOrFromOneNodeAreNeverJoinedHoweverCloseTheirStarts() {
        ReportedIncident down = new ReportedIncident(WEB, daysAgo(2), daysAgo(2).plusSeconds(40), Status.DOWN, "k1", List.of());
        ReportedIncident degraded = new ReportedIncident(WEB, daysAgo(2).plusSeconds(90), daysAgo(2).plusSeconds(120),
                Status.DEGRADED, "k2", List.of());
        ReportedIncident flap = new ReportedIncident(WEB, daysAgo(1), daysAgo(1).plusSeconds(20), Status.DOWN, null, List.of());
        ReportedIncident flapAgain = new ReportedIncident(WEB, daysAgo(1).plusSeconds(60), daysAgo(1).plusSeconds(80), Status.DOWN,
                null, List.of());
        answers(N1, List.of(N2, N3), withIncidents(WEB, down, flap, flapAgain));
        answers(N2, List.of(N3, N4, N1), withIncidents(WEB, degraded));

        assertThat(merge(N1).incidents()).containsExactly(flapAgain, flap, degraded, down);
    }

    @Test
    void anIncidentLeftOpenByANodeThatWatchesItNoMoreIsNotShown() {
        ReportedIncident stale = new ReportedIncident(WEB, daysAgo(40), null, Status.DOWN, null, List.of());
        ReportedIncident later = new ReportedIncident(WEB, daysAgo(3), daysAgo(2.9), Status.DOWN, null, List.of());
        answers(N1, List.of(N2, N3), new TargetSummary(WEB, null, null, new TargetUptime(WEB, Duration.ofDays(50), Duration.ZERO,
                Duration.ofDays(40), Duration.ZERO, Duration.ZERO, List.of(stale)), List.of()));
        answers(N2, List.of(N3, N4, N1), withIncidents(WEB, later));

        assertThat(merge(N1).incidents()).containsExactly(later);
    }

    @Test
    void listsOnlyTheMostRecentIncidents() {
        ReportedIncident[] many = new ReportedIncident[FarmStatusMerge.RECENT_INCIDENTS + 3];
        for (int i = 0; i < many.length; i++) {
            many[i] = new ReportedIncident(WEB, daysAgo(50 - i), daysAgo(50 - i).plusSeconds(60), Status.DOWN, null, List.of());
        }
        answers(N1, List.of(N2, N3), withIncidents(WEB, many));

        List<ReportedIncident> incidents = merge(N1).incidents();

        assertThat(incidents).hasSize(FarmStatusMerge.RECENT_INCIDENTS).first().isEqualTo(many[many.length - 1]);
        assertThat(incidents).last().isEqualTo(many[3]);
    }

    private FarmStatus merge(NodeId self) {
        return FarmStatusMerge.merge("Acme status", self, MEMBERS, RING, NOW, 90, summaries);
    }

    private void answers(NodeId node, List<NodeId> watching, TargetSummary... targets) {
        summaries.put(node, new NodeSummary(node, NOW.minus(Duration.ofDays(90)), NOW, watching, Arrays.asList(targets)));
    }

    private static void assertRow(FarmStatus farm, TargetId target, Status status, Instant since) {
        FarmStatus.TargetRow row = farm.row(target).orElseThrow();
        assertThat(row.status()).as("state of %s", target).isEqualTo(status);
        assertThat(row.since()).as("since of %s", target).isEqualTo(since);
    }

    private static TargetSummary now(TargetId target, Status status, Instant since) {
        return new TargetSummary(target, status, since, new TargetUptime(target, Duration.ofDays(90), Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, List.of()), List.of());
    }

    private static TargetSummary figures(TargetId target, Duration unknown, String day) {
        TargetUptime period = new TargetUptime(target, Duration.ofDays(90).minus(unknown).minusMinutes(10), Duration.ZERO,
                Duration.ofMinutes(10), Duration.ZERO, unknown, List.of());
        DayUptime bar = new DayUptime(LocalDate.parse(day), new TargetUptime(target, Duration.ofHours(23).plusMinutes(50),
                Duration.ZERO, Duration.ofMinutes(10), Duration.ZERO, Duration.ZERO, List.of()));
        return new TargetSummary(target, null, null, period, List.of(bar));
    }

    /** What a node that watches {@code target} now knows of it. */
    private static TargetSummary withIncidents(TargetId target, ReportedIncident... incidents) {
        return new TargetSummary(target, Status.UP, null, new TargetUptime(target, Duration.ofDays(89), Duration.ZERO, Duration.ofDays(1),
                Duration.ZERO, Duration.ZERO, List.of(incidents)), List.of());
    }
}
