package io.ringwatch.engine.report;

import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One incident of a target: from the change to DEGRADED or DOWN to the next change to UP.
 * The times are those the changes took effect: a {@code STATE_CHANGED} event's {@code since}
 * (when the new state was first seen, before debouncing and confirmation) when it has one,
 * else the event's time. Immutable and thread-safe.
 *
 * @param target the target
 * @param start when the target left UP (or a first known state) for a problem state; may be
 *        before the report's period
 * @param end when it was UP again; {@code null} while the incident is open at the period's end
 * @param worst the worst status during the incident
 * @param key the incident key the events carry, or {@code null} if none of them names one
 * @param notes acknowledgements, messages and annotations about it, oldest first
 * @param duringMaintenance whether it started in a maintenance window of the target or of its
 *        node: such an incident is listed but counts in no incident count and in no MTTR
 */
public record ReportedIncident(TargetId target, Instant start, Instant end, Status worst, String key,
        List<IncidentNote> notes, boolean duringMaintenance) {
    /** @throws NullPointerException if {@code target}, {@code start}, {@code worst} or {@code notes} is null */
    public ReportedIncident {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(worst, "worst");
        notes = List.copyOf(notes);
    }

    /**
     * An incident that did not start in maintenance.
     *
     * @throws NullPointerException if {@code target}, {@code start}, {@code worst} or {@code notes} is null
     */
    public ReportedIncident(TargetId target, Instant start, Instant end, Status worst, String key, List<IncidentNote> notes) {
        this(target, start, end, worst, key, notes, false);
    }

    /** Whether it counts in incident counts and MTTR: it did not start in maintenance. */
    public boolean counted() {
        return !duringMaintenance;
    }

    /** Whether the incident had ended by the period's end. */
    public boolean closed() {
        return end != null;
    }

    /** When it ended, if it had by the period's end. */
    public Optional<Instant> endTime() {
        return Optional.ofNullable(end);
    }

    /** The incident key, if an event named one. */
    public Optional<String> incidentKey() {
        return Optional.ofNullable(key);
    }

    /** From start to end, or to {@code periodEnd} for an open incident. */
    public Duration duration(Instant periodEnd) {
        return Duration.between(start, end != null ? end : periodEnd);
    }

    /** The acknowledgements among the notes, oldest first. */
    public List<IncidentNote> acknowledgements() {
        return notes.stream().filter(note -> note.kind() == IncidentNote.Kind.ACKNOWLEDGED).toList();
    }
}
