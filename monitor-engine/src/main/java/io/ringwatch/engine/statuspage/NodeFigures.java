package io.ringwatch.engine.statuspage;

import io.ringwatch.api.Event;
import io.ringwatch.api.EventKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.report.IncidentNote;
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
import java.util.Optional;
import java.util.TreeMap;

/**
 * The costly part of a node's summary, made from its events alone: each target's figures over
 * the period and day by day, its recent incidents, and when its last known state began. Made
 * anew every few seconds at most and joined with the engine's view of now. Immutable.
 *
 * @param from the period's start
 * @param to the period's end
 * @param periods each target's figures over the period, with its newest incidents, by target
 * @param bars each target's observed days, oldest first
 * @param starts when each target's last known state began
 */
record NodeFigures(Instant from, Instant to, Map<TargetId, TargetUptime> periods, Map<TargetId, List<DayUptime>> bars,
        Map<TargetId, StateStart> starts) {
    /** How many incidents of each target are kept, the newest. */
    static final int INCIDENTS_PER_TARGET = 10;
    /** How many notes of each incident are kept, the first. */
    static final int NOTES_PER_INCIDENT = 10;

    NodeFigures {
        periods = Map.copyOf(periods);
        bars = Map.copyOf(bars);
        starts = Map.copyOf(starts);
    }

    /**
     * The figures of {@code events} (oldest first) over the {@code days} days that end at {@code to}.
     *
     * @throws IllegalArgumentException if {@code days} is below 1
     */
    static NodeFigures of(List<Event> events, Instant to, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, not " + days);
        }
        Instant from = to.minus(Duration.ofDays(days));
        Map<TargetId, TargetUptime> periods = new TreeMap<>();
        UptimeReport.of(events, from, to).targets().forEach(figures -> periods.put(figures.target(), recent(figures)));
        Map<TargetId, List<DayUptime>> bars = new HashMap<>();
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        List<LocalDate> dayList = new ArrayList<>();
        List<Instant> bounds = new ArrayList<>();
        for (LocalDate day = last.minusDays(days - 1L); !day.isAfter(last); day = day.plusDays(1)) {
            Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (start.isBefore(to)) { // the period may end at midnight: that day has not begun
                dayList.add(day);
                bounds.add(start);
            }
        }
        bounds.add(to);
        Map<TargetId, List<TargetUptime>> daily = bounds.size() < 2 ? Map.of() : UptimeReport.stretches(events, bounds);
        daily.forEach((target, stretches) -> {
            for (int i = 0; i < stretches.size(); i++) {
                DayUptime bar = new DayUptime(dayList.get(i), stretches.get(i));
                if (bar.observed()) {
                    bars.computeIfAbsent(target, id -> new ArrayList<>()).add(bar);
                }
            }
        });
        return new NodeFigures(from, to, periods, bars, stateStarts(events, to));
    }

    /** The target's observed days, oldest first. */
    List<DayUptime> days(TargetId target) {
        return bars.getOrDefault(target, List.of());
    }

    /** When the target's last known state began, if it had one. */
    Optional<StateStart> stateStart(TargetId target) {
        return Optional.ofNullable(starts.get(target));
    }

    /**
     * When each target's last known state began, from its state changes before {@code to}. A
     * change to UNKNOWN does not end a state, so a target that was UP for a month before its
     * watcher restarted is still UP since then.
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

    /** The figures with only the newest incidents, each with only its first notes. */
    private static TargetUptime recent(TargetUptime figures) {
        List<ReportedIncident> incidents = figures.incidents().stream()
                .sorted(Comparator.comparing(ReportedIncident::start).reversed()).limit(INCIDENTS_PER_TARGET)
                .sorted(Comparator.comparing(ReportedIncident::start))
                .map(incident -> incident.notes().size() <= NOTES_PER_INCIDENT ? incident : withNotes(incident,
                        incident.notes().subList(0, NOTES_PER_INCIDENT)))
                .toList();
        return new TargetUptime(figures.target(), figures.up(), figures.degraded(), figures.down(), figures.maintenance(),
                figures.unknown(), incidents);
    }

    static ReportedIncident withNotes(ReportedIncident incident, List<IncidentNote> notes) {
        return new ReportedIncident(incident.target(), incident.start(), incident.end(), incident.worst(), incident.key(),
                notes, incident.duringMaintenance());
    }

    /** A state, and when it began. */
    record StateStart(Status status, Instant at) {
    }
}
