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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
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
 *   <li>its uptime and bars come from one node: one that watches it now, whose events leave
 *       the least of the period unknown (the nearest watcher on a tie), so the figures are
 *       exactly those of that node's log;</li>
 *   <li>incidents are joined across nodes by incident key or by a start within two minutes,
 *       their notes merged.</li>
 * </ul>
 * Stateless.
 */
final class FarmStatusMerge {
    /** How many incidents the page lists. */
    static final int RECENT_INCIDENTS = 10;
    /** How close two nodes' starts of one incident, or their copies of one note, are. */
    static final Duration SAME_START = Duration.ofMinutes(2);

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
            FarmStatus.TargetRow nodeRow = row(TargetId.node(node), self, inRingOrder, ring, period);
            rows.add(nodeRow);
            for (ServiceSpec service : member.services()) {
                FarmStatus.TargetRow serviceRow = row(TargetId.service(node, service.id()), self, inRingOrder, ring, period);
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

    private static FarmStatus.TargetRow row(TargetId target, NodeId self, List<NodeSummary> summaries, Ring ring,
            Duration period) {
        Status status = Status.UNKNOWN;
        Instant since = null;
        for (NodeSummary summary : summaries) {
            if (!summary.sees(target)) {
                continue;
            }
            TargetSummary seen = summary.target(target).orElseThrow();
            if (status == Status.UNKNOWN || seen.status().compareTo(status) > 0
                    || seen.status() == status && seen.since() != null && (since == null || seen.since().isBefore(since))) {
                status = seen.status();
                since = seen.since();
            }
        }
        if (status == Status.UNKNOWN && target.equals(TargetId.node(self))) {
            status = Status.UP; // it renders this page
        }
        Optional<NodeSummary> source = source(target, summaries, ring);
        Optional<TargetSummary> figures = source.flatMap(summary -> summary.target(target));
        return new FarmStatus.TargetRow(target, status, since, source.map(NodeSummary::node).orElse(null),
                source.map(NodeSummary::to).orElse(null),
                figures.map(TargetSummary::period).orElseGet(() -> TargetUptime.unknown(target, period)),
                figures.map(TargetSummary::days).orElse(List.of()));
    }

    /**
     * The node whose figures the page shows for {@code target}: among those that observed it,
     * one that watches it now (a former watcher's log says nothing of the time since), with
     * the least unknown time, and the nearest watcher on a tie.
     */
    private static Optional<NodeSummary> source(TargetId target, List<NodeSummary> summaries, Ring ring) {
        List<NodeId> nearestFirst = ring.contains(target.node()) ? ring.predecessors(target.node()) : List.of();
        Comparator<NodeSummary> best = Comparator
                .comparing((NodeSummary summary) -> summary.target(target).orElseThrow().current().isEmpty())
                .thenComparing(summary -> summary.target(target).orElseThrow().period().unknown())
                .thenComparing(summary -> nearestFirst.contains(summary.node()) ? nearestFirst.indexOf(summary.node())
                        : Integer.MAX_VALUE);
        return summaries.stream()
                .filter(summary -> summary.target(target).filter(seen -> seen.period().uptimePercent().isPresent()).isPresent())
                .min(best);
    }

    /**
     * Every summary's incidents, newest first, each once: two nodes' incidents of one target are
     * the same incident when they carry the same key, or when one has no key and they began
     * within {@link #SAME_START} of each other (both watchers saw the same outage, and perhaps
     * only one of them notified and learnt a key). An incident still open in the summary of a node that no longer watches
     * its target is left out: that node cannot know it ended.
     */
    private static List<ReportedIncident> incidents(List<NodeSummary> summaries) {
        List<Seen> all = new ArrayList<>();
        for (NodeSummary summary : summaries) {
            for (TargetSummary target : summary.targets()) {
                target.period().incidents().stream()
                        .filter(incident -> incident.closed() || target.current().isPresent())
                        .forEach(incident -> all.add(new Seen(incident, Set.of(summary.node()))));
            }
        }
        all.sort(Comparator.comparing((Seen seen) -> seen.incident().target()).thenComparing(seen -> seen.incident().start()));
        List<Seen> joined = new ArrayList<>();
        for (Seen seen : all) {
            int last = joined.size() - 1;
            if (last >= 0 && same(joined.get(last), seen)) {
                Set<NodeId> by = new HashSet<>(joined.get(last).by());
                by.addAll(seen.by());
                joined.set(last, new Seen(join(joined.get(last).incident(), seen.incident()), by));
            } else {
                joined.add(seen);
            }
        }
        return joined.stream().map(Seen::incident).sorted(Comparator.comparing(ReportedIncident::start).reversed())
                .limit(RECENT_INCIDENTS).toList();
    }

    /**
     * Whether {@code later} (which starts no earlier) is {@code earlier} as another node saw it:
     * the same target, and the same key, or no two keys and a start within {@link #SAME_START}.
     * A node's own incidents are never one.
     */
    private static boolean same(Seen earlier, Seen later) {
        ReportedIncident one = earlier.incident();
        ReportedIncident other = later.incident();
        if (!one.target().equals(other.target()) || !Collections.disjoint(earlier.by(), later.by())) {
            return false;
        }
        if (one.key() != null && other.key() != null) {
            return one.key().equals(other.key());
        }
        return Duration.between(one.start(), other.start()).compareTo(SAME_START) <= 0;
    }

    /** An incident, and the nodes that saw it. */
    private record Seen(ReportedIncident incident, Set<NodeId> by) {
    }

    /**
     * One incident as two nodes saw it: the earlier start; open if either still sees it open,
     * else the later end; the worse state; the notes of both, each once (a watcher writes its
     * own copy of what people said, a moment later than the node that took it).
     */
    private static ReportedIncident join(ReportedIncident one, ReportedIncident other) {
        List<IncidentNote> notes = new ArrayList<>(one.notes());
        for (IncidentNote note : other.notes()) {
            if (notes.stream().noneMatch(kept -> sameNote(kept, note))) {
                notes.add(note);
            }
        }
        notes.sort(Comparator.comparing(IncidentNote::at));
        Instant end = one.end() == null || other.end() == null ? null : one.end().isAfter(other.end()) ? one.end() : other.end();
        return new ReportedIncident(one.target(), one.start().isBefore(other.start()) ? one.start() : other.start(), end,
                other.worst().isWorseThan(one.worst()) ? other.worst() : one.worst(), one.key() != null ? one.key() : other.key(),
                notes, one.duringMaintenance() && other.duringMaintenance());
    }

    /** The same words from the same person, written by two nodes within {@link #SAME_START} of each other. */
    private static boolean sameNote(IncidentNote one, IncidentNote other) {
        return one.kind() == other.kind() && one.by().equals(other.by()) && one.text().equals(other.text())
                && Duration.between(one.at(), other.at()).abs().compareTo(SAME_START) <= 0;
    }
}
