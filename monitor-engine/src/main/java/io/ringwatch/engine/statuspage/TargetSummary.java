package io.ringwatch.engine.statuspage;

import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.report.TargetUptime;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one node knows of one target: its state now, if the node watches it now, and its
 * uptime and incidents over the page's period as the node's own events tell them. Immutable.
 *
 * @param target the node or service
 * @param status its state in the node's view now, or {@code null} when the node does not watch it now
 * @param since since when it has been in that state, or {@code null}
 * @param period its times and recent incidents over the whole period
 * @param days the same, day by day (UTC), oldest first
 */
public record TargetSummary(TargetId target, Status status, Instant since, TargetUptime period, List<DayUptime> days) {
    /** @throws NullPointerException if {@code target}, {@code period} or {@code days} is null */
    public TargetSummary {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(period, "period");
        days = List.copyOf(days);
    }

    /** Its state now, if the node watches it now. */
    public Optional<Status> current() {
        return Optional.ofNullable(status);
    }
}
