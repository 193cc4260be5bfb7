package io.ringwatch.samples.host;

import io.ringwatch.api.Event;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.TargetId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run of the {@link OutageDemo} saw. Immutable.
 *
 * @param problem what did not happen within its bound, or empty if everything did
 * @param deliveries the notifications delivered to the desk channel, as the event logs record
 *        them ({@link io.ringwatch.api.EventKind#NOTIFICATION_SENT}), in order
 * @param detection from the crash to the alert's delivery, if it came
 * @param detectionBound the worst case for confirming a crash with the demo's settings:
 *        {@code interval + jitter + (confirmations - 1) × retry interval + timeout}
 * @param recovery from the restart to the recovery's delivery, if it came
 * @param eventLogs the directory holding each node's event log
 */
public record OutageReport(String problem, List<Event> deliveries, Optional<Duration> detection, Duration detectionBound,
        Optional<Duration> recovery, Path eventLogs) {

    /** @throws NullPointerException if an argument is null */
    public OutageReport {
        Objects.requireNonNull(problem, "problem");
        deliveries = List.copyOf(deliveries);
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(detectionBound, "detectionBound");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(eventLogs, "eventLogs");
    }

    /** Whether the crash was alerted and the recovery reported, each within its bound. */
    public boolean succeeded() {
        return problem.isEmpty();
    }

    /** How many notifications of this kind about this target reached the desk. */
    public long count(NotificationKind kind, TargetId target) {
        return deliveries.stream().filter(event -> Deliveries.is(event, kind, target)).count();
    }
}
