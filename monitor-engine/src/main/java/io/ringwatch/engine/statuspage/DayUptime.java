package io.ringwatch.engine.statuspage;

import io.ringwatch.engine.report.TargetUptime;
import java.time.LocalDate;
import java.util.Objects;

/**
 * How a target fared on one day (UTC), as one bar of the status page. Immutable.
 *
 * @param day the day
 * @param figures its times UP, DEGRADED, DOWN, in maintenance and unknown that day (no incidents)
 */
public record DayUptime(LocalDate day, TargetUptime figures) {
    /** @throws NullPointerException if an argument is null */
    public DayUptime {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(figures, "figures");
    }

    /** Whether anything but unknown time was seen that day. */
    public boolean observed() {
        return figures.uptimePercent().isPresent() || !figures.maintenance().isZero();
    }
}
