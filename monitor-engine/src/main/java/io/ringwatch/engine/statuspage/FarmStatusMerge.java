package io.ringwatch.engine.statuspage;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.report.IncidentNote;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.ring.Ring;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Puts the nodes' summaries together into one {@link FarmStatus}:
 * <ul>
 *   <li>a target's state now is the worst its current watchers report (a watcher that does
 *       not answer says nothing; the node that renders the page is up); the services of a node
 *       that is down are unknown, since nobody checks them;</li>
 *   <li>its uptime and bars come from one node, the one whose events leave the least of the
 *       period unknown (the first in ring order on a tie), so the figures are exactly those of
 *       that node's log;</li>
 *   <li>incidents are joined across nodes by incident key or by overlapping in time, their notes merged.</li>
 * </ul>
 * Stateless.
 */
final class FarmStatusMerge {
    /** How many incidents the page lists. */
    static final int RECENT_INCIDENTS = 10;

    private FarmStatusMerge() {
    }

    static FarmStatus merge(String title, NodeId self, List<Member> members, Ring ring, Instant at, int days,
            Map<NodeId, NodeSummary> summaries) {
        List<NodeSummary> inRingOrder = new ArrayList<>();
        for (NodeId node : ring.members()) {
            Optional.ofNullable(summaries.get(node)).ifPresent(inRingOrder::add);
        }
        Duration period = Duration.ofDays(days);
        List<FarmStatus.TargetRow> rows = new ArrayList<>();
        for (NodeId node : ring.members()) {
            Member member = members.stream().filter(candidate -> candidate.id().equals(node)).findFirst().orElse(null);
            if (member == null) {
                continue;
            }
            FarmStatus.TargetRow nodeRow = row(TargetId.node(node), self, inRingOrder, period);
            rows.add(nodeRow);
            for (ServiceSpec service : member.services()) {
                FarmStatus.TargetRow serviceRow = row(TargetId.service(node, service.id()), self, inRingOrder, period);
                if (nodeRow.status() == Status.DOWN && serviceRow.status() != Status.DOWN) {
                    // Nobody checks the services of a node that is down: what was last seen of them is not news.
                    serviceRow = new FarmStatus.TargetRow(serviceRow.target(), Status.UNKNOWN, nodeRow.since(),
                            serviceRow.seenBy(), serviceRow.seenUntil(), serviceRow.period(), serviceRow.days());
                }
                rows.add(serviceRow);
            }
        }
        List<FarmStatus.RingNode> nodes = new ArrayList<>();
        List<FarmStatus.RingEdge> edges = new ArrayList<>();
        for (NodeId node : ring.members()) {
            boolean runsEngine = members.stream().anyMatch(member -> member.id().equals(node) && member.runsEngine());
            Status status = rows.stream().filter(row -> row.target().equals(TargetId.node(node))).findFirst()
                    .map(FarmStatus.TargetRow::status).orElse(Status.UNKNOWN);
            NodeSummary summary = summaries.get(node);
            nodes.add(new FarmStatus.RingNode(node, status, summary != null, runsEngine));
            if (summary != null) {
                summary.watching().forEach(watched -> edges.add(new FarmStatus.RingEdge(node, watched, true)));
            } else if (runsEngine) {
                ring.watchList(node, other -> false).forEach(watched -> edges.add(new FarmStatus.RingEdge(node, watched, false)));
            }
        }
        return new FarmStatus(title, at, days, rows, incidents(inRingOrder), nodes, edges);
    }

    private static FarmStatus.TargetRow row(TargetId target, NodeId self, List<NodeSummary> summaries, Duration period) {
        Status status = Status.UNKNOWN;
        Instant since = null;
        for (NodeSummary summary : summaries) {
            if (!summary.sees(target)) {
                continue;
            }
            TargetSummary seen = summary.target(target).orElseThrow();
            if (status == Status.UNKNOWN || rank(seen.status()) > rank(status)
                    || seen.status() == status && seen.since() != null && (since == null || seen.since().isAfter(since))) {
                status = seen.status();
                since = seen.since();
            }
        }
        if (status == Status.UNKNOWN && target.equals(TargetId.node(self))) {
            status = Status.UP; // it renders this page
        }
        Optional<TargetSummary> source = summaries.stream().flatMap(summary -> summary.target(target).stream())
                .filter(summary -> summary.period().uptimePercent().isPresent())
                .min(Comparator.comparing(summary -> summary.period().unknown()));
        Optional<NodeSummary> seenBy = source.flatMap(found -> summaries.stream()
                .filter(summary -> summary.target(target).filter(found::equals).isPresent()).findFirst());
        TargetUptime figures = source.map(TargetSummary::period).orElseGet(() -> new TargetUptime(target, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Duration.ZERO, period, List.of()));
        return new FarmStatus.TargetRow(target, status, since, seenBy.map(NodeSummary::node).orElse(null),
                seenBy.map(NodeSummary::to).orElse(null), figures,
                source.map(TargetSummary::days).orElse(List.of()));
    }

    private static int rank(Status status) {
        switch (status) {
            case DOWN:
                return 3;
            case DEGRADED:
                return 2;
            case UP:
                return 1;
            default:
                return 0;
        }
    }

    /**
     * Every summary's incidents, newest first, each once: two nodes' incidents of one target are
     * the same incident when they carry the same key or overlap in time (both watchers saw the
     * same outage, and perhaps only one of them notified and learnt a key).
     */
    private static List<ReportedIncident> incidents(List<NodeSummary> summaries) {
        List<ReportedIncident> all = new ArrayList<>();
        for (NodeSummary summary : summaries) {
            for (TargetSummary target : summary.targets()) {
                all.addAll(target.period().incidents());
            }
        }
        all.sort(Comparator.comparing(ReportedIncident::target).thenComparing(ReportedIncident::start));
        List<ReportedIncident> joined = new ArrayList<>();
        for (ReportedIncident incident : all) {
            int last = joined.size() - 1;
            if (last >= 0 && same(joined.get(last), incident)) {
                joined.set(last, join(joined.get(last), incident));
            } else {
                joined.add(incident);
            }
        }
        return joined.stream().sorted(Comparator.comparing(ReportedIncident::start).reversed()).limit(RECENT_INCIDENTS).toList();
    }

    /** Whether {@code later} (which starts no earlier) is {@code earlier} as another node saw it. */
    private static boolean same(ReportedIncident earlier, ReportedIncident later) {
        if (!earlier.target().equals(later.target())) {
            return false;
        }
        if (earlier.key() != null && earlier.key().equals(later.key())) {
            return true;
        }
        return earlier.end() == null || !later.start().isAfter(earlier.end());
    }

    /** One incident as two nodes saw it: the earlier start, the end if either saw it end, the worst state, all notes. */
    private static ReportedIncident join(ReportedIncident one, ReportedIncident other) {
        Set<IncidentNote> notes = new LinkedHashSet<>(one.notes());
        notes.addAll(other.notes());
        Instant end = one.end() != null && other.end() != null ? (one.end().isAfter(other.end()) ? one.end() : other.end())
                : one.end() != null ? one.end() : other.end();
        return new ReportedIncident(one.target(), one.start().isBefore(other.start()) ? one.start() : other.start(), end,
                rank(one.worst()) >= rank(other.worst()) ? one.worst() : other.worst(), one.key() != null ? one.key() : other.key(),
                notes.stream().sorted(Comparator.comparing(IncidentNote::at)).toList(),
                one.duringMaintenance() && other.duringMaintenance());
    }
}
