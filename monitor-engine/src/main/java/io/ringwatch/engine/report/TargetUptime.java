package io.ringwatch.engine.report;

import io.ringwatch.api.TargetId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one target fared over a report's period. The five times add up to the period.
 * Immutable and thread-safe.
 *
 * @param target the node or service
 * @param up time UP, outside maintenance
 * @param degraded time DEGRADED, outside maintenance
 * @param down time DOWN, outside maintenance
 * @param maintenance time in a maintenance window of the target or of its node, whatever its state
 * @param unknown time with no known state (before its first state, or UNKNOWN), outside maintenance
 * @param incidents its incidents that overlap the period, oldest first, those that started in
 *        maintenance included (see {@link ReportedIncident#duringMaintenance()})
 */
public record TargetUptime(TargetId target, Duration up, Duration degraded, Duration down, Duration maintenance,
        Duration unknown, List<ReportedIncident> incidents) {
    /** @throws NullPointerException if an argument is null */
    public TargetUptime {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(up, "up");
        Objects.requireNonNull(degraded, "degraded");
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(maintenance, "maintenance");
        Objects.requireNonNull(unknown, "unknown");
        incidents = List.copyOf(incidents);
    }

    /** A target of which nothing is known over a period of {@code length}: all of it unknown, no incidents. */
    public static TargetUptime unknown(TargetId target, Duration length) {
        return new TargetUptime(target, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, length, List.of());
    }

    /**
     * The share of the observed time the target was available, in percent: (UP + DEGRADED) /
     * (UP + DEGRADED + DOWN). Maintenance and unknown time count neither way. Empty when no
     * time was observed.
     */
    public OptionalDouble uptimePercent() {
        Duration observed = up.plus(degraded).plus(down);
        if (observed.isZero()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * up.plus(degraded).toNanos() / observed.toNanos());
    }

    /** How many of its incidents count: those that did not start in maintenance. */
    public int incidentCount() {
        return (int) incidents.stream().filter(ReportedIncident::counted).count();
    }

    /**
     * The mean duration of its incidents that had ended by the period's end, leaving out those
     * that started in maintenance; empty if there are none.
     */
    public Optional<Duration> mttr() {
        return UptimeReport.meanOfClosed(incidents);
    }
}
