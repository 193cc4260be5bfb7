package io.ringwatch.engine.report;

import io.ringwatch.api.Event;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Uptime and incidents of every target over a period [{@code from}, {@code to}), as one
 * node's event log tells them. A target is reported when a STATE_CHANGED event names it.
 * Its state at {@code from} is the one the last STATE_CHANGED before {@code from} gave, so
 * the events should start before the period (at best, at the log's start); time with no known
 * state counts as unknown. Time in a maintenance window (between MAINTENANCE_STARTED and
 * MAINTENANCE_ENDED of the target or of its node) counts as maintenance, whatever the state,
 * and is neither uptime nor downtime. DEGRADED counts as available, shown apart.
 *
 * <p>A state change takes effect at the {@code since} its STATE_CHANGED event carries (when
 * the new state was first seen, before debouncing and confirmation), or at the event's time
 * when it has none or it is not a time; never after the event's time, nor before the target's
 * previous change. The same instants bound the states and the incidents, so a target's DOWN
 * time is the time its incidents spent DOWN outside maintenance, and a recovery ends an
 * incident when the first good result came, not when it was confirmed. A change that is
 * confirmed at or after {@code to} is not seen, even if its {@code since} falls in the period.
 *
 * <p>An incident runs from a change to DEGRADED or DOWN to the next change to UP. One that
 * starts in a maintenance window of its target or of its node is listed, flagged
 * {@link ReportedIncident#duringMaintenance()}, but counts in no incident count nor MTTR. MTTR
 * is the mean duration of the counted incidents that ended before {@code to}, from their start
 * even if it was before {@code from}. Immutable and thread-safe.
 *
 * @param from the period's start, inclusive
 * @param to the period's end, exclusive
 * @param targets each target's figures, by target
 */
public record UptimeReport(Instant from, Instant to, List<TargetUptime> targets) {
    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public UptimeReport {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the period's end (" + to + ") must be after its start (" + from + ")");
        }
        targets = List.copyOf(targets);
    }

    /**
     * The report of {@code events}, oldest first, over [{@code from}, {@code to}), for every target.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public static UptimeReport of(Iterable<Event> events, Instant from, Instant to) {
        return of(events, from, to, target -> true);
    }

    /**
     * The report of {@code events}, oldest first, over [{@code from}, {@code to}), for the
     * targets {@code included} accepts. Events at or after {@code to} are ignored.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code to} is not after {@code from}
     */
    public static UptimeReport of(Iterable<Event> events, Instant from, Instant to, Predicate<TargetId> included) {
        Objects.requireNonNull(events, "events");
        UptimeCalculator calculator = new UptimeCalculator(from, to, included);
        events.forEach(calculator::accept);
        return new UptimeReport(from, to, calculator.finish());
    }

    /**
     * Each target's times over each stretch between consecutive {@code bounds} (such as the
     * days of a month: its midnights, then its end), read from {@code events} (oldest first) in
     * one pass, without incidents. A stretch's figures are those of a report over the whole of
     * [first bound, last bound) cut at the bounds, so a target's stretches add up to that
     * report's figures; a target is there when a STATE_CHANGED before the last bound names it.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if there are fewer than two bounds or they do not ascend
     */
    public static Map<TargetId, List<TargetUptime>> stretches(Iterable<Event> events, List<Instant> bounds) {
        Objects.requireNonNull(events, "events");
        if (bounds.size() < 2) {
            throw new IllegalArgumentException("stretches need at least two bounds, not " + bounds.size());
        }
        for (int i = 1; i < bounds.size(); i++) {
            if (!bounds.get(i).isAfter(bounds.get(i - 1))) {
                throw new IllegalArgumentException("the bounds must ascend: " + bounds.get(i) + " follows " + bounds.get(i - 1));
            }
        }
        UptimeCalculator calculator = new UptimeCalculator(bounds.get(0), bounds.get(bounds.size() - 1), target -> true);
        events.forEach(calculator::accept);
        return calculator.finishStretches(List.copyOf(bounds));
    }

    /** The period's length. */
    public Duration period() {
        return Duration.between(from, to);
    }

    /** Every target's incidents, by start. */
    public List<ReportedIncident> incidents() {
        return targets.stream().flatMap(target -> target.incidents().stream())
                .sorted(Comparator.comparing(ReportedIncident::start).thenComparing(ReportedIncident::target)).toList();
    }

    /** How many incidents count, over every target: those that did not start in maintenance. */
    public int incidentCount() {
        return targets.stream().mapToInt(TargetUptime::incidentCount).sum();
    }

    /**
     * The mean duration of every target's incidents that ended before the period's end, leaving
     * out those that started in maintenance; empty if there are none.
     */
    public Optional<Duration> mttr() {
        return meanOfClosed(incidents());
    }

    static Optional<Duration> meanOfClosed(Collection<ReportedIncident> incidents) {
        List<Duration> durations = incidents.stream().filter(ReportedIncident::counted).filter(ReportedIncident::closed)
                .map(incident -> Duration.between(incident.start(), incident.end())).toList();
        if (durations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(durations.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(durations.size()));
    }
}
