package io.ringwatch.engine.statuspage;

import io.ringwatch.api.Event;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.report.UptimeReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one node knows for the status page: whom it watches now, and each target it watches or
 * has events of, over [{@code from}, {@code to}). Made by each node from its own events and
 * sent to the node that renders the page. Holds no reason, address or secret. Immutable.
 *
 * @param node the node that made it
 * @param from the period's start
 * @param to the period's end, when it was made
 * @param watching the partners it watches now
 * @param targets what it knows of each target, by target
 */
public record NodeSummary(NodeId node, Instant from, Instant to, List<NodeId> watching, List<TargetSummary> targets) {
    /** How many incidents of each target a summary carries, newest first. */
    public static final int INCIDENTS_PER_TARGET = NodeFigures.INCIDENTS_PER_TARGET;

    /** @throws NullPointerException if an argument is null */
    public NodeSummary {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        watching = List.copyOf(watching);
        targets = List.copyOf(targets);
    }

    /** What it knows of {@code target}, if anything. */
    public Optional<TargetSummary> target(TargetId target) {
        return targets.stream().filter(summary -> summary.target().equals(target)).findFirst();
    }

    /**
     * The summary of a node whose view is {@code view} and whose events (oldest first) are
     * {@code events}, over the {@code days} days (UTC) that end with the day of {@code to}; the
     * period's figures run from {@code to} minus that many days to {@code to}, exactly as an
     * {@link UptimeReport} of the same events over that period gives them. Days on which the
     * target was not observed have no bar.
     *
     * @throws IllegalArgumentException if {@code days} is below 1
     */
    public static NodeSummary of(EngineView view, List<Event> events, Instant to, int days) {
        return of(view, NodeFigures.of(events, to, days));
    }

    /** The summary of a node whose view is {@code view} now, with figures computed earlier. */
    static NodeSummary of(EngineView view, NodeFigures figures) {
        Map<TargetId, TargetSummary> targets = new TreeMap<>();
        figures.periods().forEach((target, period) -> {
            Optional<EngineView.TargetView> now = view.target(target);
            Status status = now.map(EngineView.TargetView::status).orElse(null);
            Instant since = figures.stateStart(target).filter(start -> start.status() == status)
                    .map(NodeFigures.StateStart::at).orElseGet(() -> now.map(EngineView.TargetView::since).orElse(null));
            targets.put(target, new TargetSummary(target, status, since, period, figures.days(target)));
        });
        for (EngineView.TargetView now : view.targets()) {
            targets.computeIfAbsent(now.target(), target -> new TargetSummary(target, now.status(), now.since(),
                    TargetUptime.unknown(target, Duration.between(figures.from(), figures.to())), List.of()));
        }
        return new NodeSummary(view.self(), figures.from(), figures.to(), view.watching(), List.copyOf(targets.values()));
    }

    /** Whether it knows {@code target}'s state now, and it is not UNKNOWN. */
    boolean sees(TargetId target) {
        return target(target).flatMap(TargetSummary::current).filter(status -> status != Status.UNKNOWN).isPresent();
    }
}
