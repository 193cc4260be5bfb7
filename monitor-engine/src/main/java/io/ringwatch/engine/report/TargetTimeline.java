package io.ringwatch.engine.report;

import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One target's times and incidents as the events come, oldest first. Not thread-safe. */
final class TargetTimeline {
    private final TargetId target;
    private final Instant from;
    private final Instant to;
    private final List<OpenIncident> incidents = new ArrayList<>();
    private Status state;
    private Instant accountedTo;
    private OpenIncident open;
    private OpenIncident lastClosed;
    private Duration up = Duration.ZERO;
    private Duration degraded = Duration.ZERO;
    private Duration down = Duration.ZERO;
    private Duration maintenance = Duration.ZERO;
    private Duration unknown = Duration.ZERO;

    TargetTimeline(TargetId target, Instant from, Instant to) {
        this.target = target;
        this.from = from;
        this.to = to;
        this.accountedTo = from;
    }

    TargetId target() {
        return target;
    }

    /** Counts the time from the last event to {@code at} (within the period) in the current state. */
    void advance(Instant at, boolean inMaintenance) {
        Instant start = accountedTo.isAfter(from) ? accountedTo : from;
        Instant end = at.isBefore(to) ? at : to;
        if (end.isAfter(start)) {
            Duration stretch = Duration.between(start, end);
            if (inMaintenance) {
                maintenance = maintenance.plus(stretch);
            } else if (state == Status.UP) {
                up = up.plus(stretch);
            } else if (state == Status.DEGRADED) {
                degraded = degraded.plus(stretch);
            } else if (state == Status.DOWN) {
                down = down.plus(stretch);
            } else {
                unknown = unknown.plus(stretch);
            }
        }
        if (at.isAfter(accountedTo)) {
            accountedTo = at;
        }
    }

    /** The target's state changed at {@code at}: opens, worsens or closes an incident. */
    void change(Status to, Instant at) {
        Status next = to == null ? Status.UNKNOWN : to;
        if (next == Status.DOWN || next == Status.DEGRADED) {
            if (open == null) {
                open = new OpenIncident(at, next);
            } else if (next == Status.DOWN) {
                open.worst = Status.DOWN;
            }
        } else if (next == Status.UP && open != null) {
            open.end = at;
            if (at.isAfter(from)) {
                incidents.add(open);
            }
            lastClosed = open;
            open = null;
        }
        state = next;
    }

    /** Whether an incident is open now. */
    boolean inIncident() {
        return open != null;
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

    /** The figures, with the time from the last event to the period's end counted. */
    TargetUptime finish(boolean inMaintenance) {
        advance(to, inMaintenance);
        List<ReportedIncident> reported = new ArrayList<>();
        incidents.forEach(incident -> reported.add(incident.report(target)));
        if (open != null) {
            reported.add(open.report(target));
        }
        return new TargetUptime(target, up, degraded, down, maintenance, unknown, reported);
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

        ReportedIncident report(TargetId target) {
            return new ReportedIncident(target, start, end, worst, key, notes);
        }
    }
}
