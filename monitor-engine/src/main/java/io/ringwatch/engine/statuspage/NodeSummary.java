package io.ringwatch.engine.statuspage;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.EngineView;
import io.ringwatch.engine.report.ReportedIncident;
import io.ringwatch.engine.report.TargetUptime;
import io.ringwatch.engine.report.UptimeReport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
    public static final int INCIDENTS_PER_TARGET = 10;

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
     * {@link UptimeReport} of the same events over that period gives them.
     *
     * @throws IllegalArgumentException if {@code days} is below 1
     */
    public static NodeSummary of(EngineView view, List<Event> events, Instant to, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, not " + days);
        }
        Instant from = to.minus(Duration.ofDays(days));
        UptimeReport period = UptimeReport.of(events, from, to);
        Map<TargetId, List<DayUptime>> daily = new TreeMap<>();
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        for (LocalDate day = last.minusDays(days - 1L); !day.isAfter(last); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = day.equals(last) ? to : start.plus(Duration.ofDays(1));
            if (!end.isAfter(start)) {
                continue; // the period ends at midnight: today has not begun
            }
            for (TargetUptime figures : UptimeReport.of(events, start, end).targets()) {
                daily.computeIfAbsent(figures.target(), target -> new ArrayList<>()).add(new DayUptime(day, new TargetUptime(
                        figures.target(), figures.up(), figures.degraded(), figures.down(), figures.maintenance(),
                        figures.unknown(), List.of()))); // a bar's figures carry no incidents, as SummaryJson sends them
            }
        }
        Map<TargetId, StateStart> starts = stateStarts(events, to);
        Map<TargetId, TargetSummary> targets = new TreeMap<>();
        for (TargetUptime figures : period.targets()) {
            Optional<EngineView.TargetView> now = view.target(figures.target());
            Status status = now.map(EngineView.TargetView::status).orElse(null);
            StateStart start = starts.get(figures.target());
            Instant since = start != null && start.status() == status ? start.at() : now.map(EngineView.TargetView::since).orElse(null);
            targets.put(figures.target(), new TargetSummary(figures.target(), status, since, recent(figures),
                    daily.getOrDefault(figures.target(), List.of())));
        }
        for (EngineView.TargetView now : view.targets()) {
            targets.computeIfAbsent(now.target(), target -> new TargetSummary(target, now.status(), now.since(),
                    new TargetUptime(target, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.between(from, to),
                            List.of()), List.of()));
        }
        return new NodeSummary(view.self(), from, to, view.watching(), List.copyOf(targets.values()));
    }

    /**
     * When each target's last known state began, from its state changes before {@code to}. A
     * change to UNKNOWN (an engine that just started knows nothing yet) does not end a state, so
     * a node that was UP for a month before its watcher restarted is still UP since then.
     */
    private static Map<TargetId, StateStart> stateStarts(List<Event> events, Instant to) {
        Map<TargetId, StateStart> starts = new HashMap<>();
        for (Event event : events) {
            if (event.kind() != EventKind.STATE_CHANGED || event.target() == null || event.status() == null
                    || event.status() == Status.UNKNOWN || !event.at().isBefore(to)) {
                continue;
            }
            StateStart known = starts.get(event.target());
            if (known == null || known.status() != event.status()) {
                starts.put(event.target(), new StateStart(event.status(), event.at()));
            }
        }
        return starts;
    }

    private record StateStart(Status status, Instant at) {
    }

    /** The figures with only the newest incidents. */
    private static TargetUptime recent(TargetUptime figures) {
        List<ReportedIncident> incidents = figures.incidents().stream()
                .sorted(Comparator.comparing(ReportedIncident::start).reversed()).limit(INCIDENTS_PER_TARGET)
                .sorted(Comparator.comparing(ReportedIncident::start)).toList();
        return new TargetUptime(figures.target(), figures.up(), figures.degraded(), figures.down(), figures.maintenance(),
                figures.unknown(), incidents);
    }

    /** Whether it knows {@code target}'s state now, and it is not UNKNOWN. */
    boolean sees(TargetId target) {
        return target(target).flatMap(TargetSummary::current).filter(status -> status != Status.UNKNOWN).isPresent();
    }
}
