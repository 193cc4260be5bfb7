package io.ringwatch.engine.report;

import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One target's state changes and incidents as the events come, oldest first; the times are
 * counted at {@link #finish}. Each change takes effect at its effective time (see
 * {@link #change}), so the states, the incidents and the DOWN time all use the same instants.
 * Not thread-safe.
 */
final class TargetTimeline {
    private final TargetId target;
    private final Instant from;
    private final Instant to;
    private final List<Change> changes = new ArrayList<>();
    private final List<OpenIncident> incidents = new ArrayList<>();
    private OpenIncident open;
    private OpenIncident lastClosed;

    TargetTimeline(TargetId target, Instant from, Instant to) {
        this.target = target;
        this.from = from;
        this.to = to;
    }

    TargetId target() {
        return target;
    }

    /**
     * The target's state changed, as an event recorded at {@code at} says: opens, worsens or
     * closes an incident. The change takes effect at {@code since} (when the new state was
     * first seen, before it was confirmed) if given, but never after {@code at} nor before the
     * previous change took effect, so that the changes stay in order.
     *
     * @param since when the new state began, or {@code null} to take {@code at}
     */
    void change(Status to, Instant at, Instant since) {
        Status next = to == null ? Status.UNKNOWN : to;
        Instant effective = since == null || since.isAfter(at) ? at : since;
        if (!changes.isEmpty()) {
            Instant previous = changes.get(changes.size() - 1).at();
            if (effective.isBefore(previous)) {
                effective = previous;
            }
        }
        changes.add(new Change(effective, next));
        if (next == Status.DOWN || next == Status.DEGRADED) {
            if (open == null) {
                open = new OpenIncident(effective, next);
            } else if (next == Status.DOWN) {
                open.worst = Status.DOWN;
            }
        } else if (next == Status.UP && open != null) {
            open.end = effective;
            if (effective.isAfter(from)) {
                incidents.add(open);
            }
            lastClosed = open;
            open = null;
        }
    }

    /** Whether the open incident carries {@code key}. */
    boolean hasOpenIncident(String key) {
        return open != null && key.equals(open.key);
    }

    /**
     * Gives the incident key to the open incident, or, when none is open, to the one that just
     * closed (its recovery notice comes after the change to UP); the first key named stays.
     */
    void key(String key) {
        OpenIncident incident = open != null ? open : lastClosed;
        if (incident != null && incident.key == null) {
            incident.key = key;
        }
    }

    /** Adds the note to the open incident; without one, drops it. */
    void note(IncidentNote note) {
        if (open != null) {
            open.notes.add(note);
        }
    }

    /** The figures over the period, with the maintenance windows {@code maintenance} tells of. */
    TargetUptime finish(MaintenanceHistory maintenance) {
        List<MaintenanceHistory.Span> windows = maintenance.covering(target);
        List<ReportedIncident> reported = new ArrayList<>();
        incidents.forEach(incident -> reported.add(incident.report(target, windows)));
        if (open != null) {
            reported.add(open.report(target, windows));
        }
        return figures(from, to, windows, reported);
    }

    /**
     * The times over each stretch between consecutive {@code bounds} (ascending, within the
     * period), without incidents: together they add up to the period's.
     */
    List<TargetUptime> stretches(List<Instant> bounds, MaintenanceHistory maintenance) {
        List<MaintenanceHistory.Span> windows = maintenance.covering(target);
        List<TargetUptime> stretches = new ArrayList<>(bounds.size());
        for (int i = 1; i < bounds.size(); i++) {
            stretches.add(figures(bounds.get(i - 1), bounds.get(i), windows, List.of()));
        }
        return stretches;
    }

    private TargetUptime figures(Instant start, Instant end, List<MaintenanceHistory.Span> windows,
            List<ReportedIncident> reported) {
        Times times = new Times(start, end, windows);
        Instant since = start;
        Status state = Status.UNKNOWN;
        for (Change change : changes) {
            if (!change.at().isBefore(end)) {
                break;
            }
            times.add(state, since, change.at());
            if (change.at().isAfter(since)) {
                since = change.at();
            }
            state = change.status();
        }
        times.add(state, since, end);
        return new TargetUptime(target, times.up, times.degraded, times.down,
                MaintenanceHistory.overlap(windows, start, end), times.unknown, reported);
    }

    /** A change of state, at the time it took effect. */
    private record Change(Instant at, Status status) {
    }

    /** The time in each state within [start, end), outside maintenance. */
    private static final class Times {
        private final Instant from;
        private final Instant to;
        private final List<MaintenanceHistory.Span> windows;
        private Duration up = Duration.ZERO;
        private Duration degraded = Duration.ZERO;
        private Duration down = Duration.ZERO;
        private Duration unknown = Duration.ZERO;

        Times(Instant from, Instant to, List<MaintenanceHistory.Span> windows) {
            this.from = from;
            this.to = to;
            this.windows = windows;
        }

        void add(Status state, Instant start, Instant end) {
            Instant clippedStart = start.isAfter(from) ? start : from;
            Instant clippedEnd = end.isBefore(to) ? end : to;
            if (!clippedEnd.isAfter(clippedStart)) {
                return;
            }
            Duration stretch = Duration.between(clippedStart, clippedEnd)
                    .minus(MaintenanceHistory.overlap(windows, clippedStart, clippedEnd));
            switch (state) {
                case UP -> up = up.plus(stretch);
                case DEGRADED -> degraded = degraded.plus(stretch);
                case DOWN -> down = down.plus(stretch);
                default -> unknown = unknown.plus(stretch);
            }
        }
    }

    /** An incident as the events build it. */
    private static final class OpenIncident {
        private final Instant start;
        private final List<IncidentNote> notes = new ArrayList<>();
        private Status worst;
        private Instant end;
        private String key;

        OpenIncident(Instant start, Status worst) {
            this.start = start;
            this.worst = worst;
        }

        ReportedIncident report(TargetId target, List<MaintenanceHistory.Span> windows) {
            return new ReportedIncident(target, start, end, worst, key, notes, MaintenanceHistory.covers(windows, start));
        }
    }
}
