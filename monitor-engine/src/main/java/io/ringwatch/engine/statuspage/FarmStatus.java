package io.ringwatch.engine.statuspage;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the status page shows: every node and service with its state and uptime, recent
 * incidents, and the ring. Made by {@link StatusPage} from the nodes' summaries. Immutable.
 *
 * @param title the page's title
 * @param at when it was gathered
 * @param days how many days the bars and the uptime figures cover
 * @param targets every member's node and services, in ring order, each node before its services
 * @param incidents the most recent incidents of all targets, newest first
 * @param ring the ring's members, in ring order
 * @param edges who watches whom
 */
public record FarmStatus(String title, Instant at, int days, List<TargetRow> targets, List<ReportedIncident> incidents,
        List<RingNode> ring, List<RingEdge> edges) {
    /** @throws NullPointerException if an argument is null */
    public FarmStatus {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(at, "at");
        targets = List.copyOf(targets);
        incidents = List.copyOf(incidents);
        ring = List.copyOf(ring);
        edges = List.copyOf(edges);
    }

    /** The row of {@code target}, if it is a member's node or service. */
    public Optional<TargetRow> row(TargetId target) {
        return targets.stream().filter(row -> row.target().equals(target)).findFirst();
    }

    /**
     * One node or service on the page.
     *
     * @param target the node or service
     * @param status its state now, as its watchers see it (the worst of what they say); UNKNOWN if none answered
     * @param since since when it has been in that state, or {@code null} if unknown
     * @param seenBy the node whose events gave the uptime figures and bars, or {@code null} if no node had any
     * @param seenUntil the end of {@code seenBy}'s period (it began {@code days} days before), or {@code null}
     * @param period its figures over the page's period, as {@code seenBy}'s events tell them
     * @param days its figures day by day (UTC), oldest first; days with no entry were not observed
     */
    public record TargetRow(TargetId target, Status status, Instant since, NodeId seenBy, Instant seenUntil,
            TargetUptime period, List<DayUptime> days) {
        /** @throws NullPointerException if {@code target}, {@code status}, {@code period} or {@code days} is null */
        public TargetRow {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(period, "period");
            days = List.copyOf(days);
        }
    }

    /**
     * A member of the ring.
     *
     * @param node the member
     * @param status its state as its watchers see it
     * @param answered whether it gave its summary for this page (it runs, and could be reached)
     * @param runsEngine whether it runs an agent and watches others; a watched-only machine does not
     */
    public record RingNode(NodeId node, Status status, boolean answered, boolean runsEngine) {
        /** @throws NullPointerException if an argument is null */
        public RingNode {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * One watcher and one partner it watches.
     *
     * @param watcher the watching node
     * @param watched its partner
     * @param current true when the watcher said it watches the partner now; false for a watcher
     *        that did not answer, drawn from the ring's plan
     */
    public record RingEdge(NodeId watcher, NodeId watched, boolean current) {
        /** @throws NullPointerException if an argument is null */
        public RingEdge {
            Objects.requireNonNull(watcher, "watcher");
            Objects.requireNonNull(watched, "watched");
        }
    }
}
