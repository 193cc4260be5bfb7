package io.ringwatch.api;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one check: the status seen, how long the check took, and a one-line reason
 * ({@code "HTTP 503"}, {@code "connection refused"}, {@code "OK"}).
 *
 * @param status what was seen; never {@link Status#UNKNOWN}
 * @param latency how long the check took, zero or more
 * @param reason why, on one line (control characters are replaced, long text is cut)
 */
public record ProbeResult(Status status, Duration latency, String reason) {
    /** The longest reason kept. */
    public static final int MAX_REASON_LENGTH = 200;

    /**
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code status} is {@link Status#UNKNOWN} or {@code latency} is negative
     */
    public ProbeResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(reason, "reason");
        if (status == Status.UNKNOWN) {
            throw new IllegalArgumentException("a probe result must be UP, DEGRADED or DOWN");
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        reason = OneLine.of(reason, MAX_REASON_LENGTH);
        if (reason.isEmpty()) {
            reason = status.name();
        }
    }

    /** A good answer. */
    public static ProbeResult up(Duration latency) {
        return new ProbeResult(Status.UP, latency, "OK");
    }

    /** A good answer, with a note. */
    public static ProbeResult up(Duration latency, String reason) {
        return new ProbeResult(Status.UP, latency, reason);
    }

    /** A bad answer: the target replied, but not as expected. */
    public static ProbeResult degraded(Duration latency, String reason) {
        return new ProbeResult(Status.DEGRADED, latency, reason);
    }

    /** No answer: refused, reset, timed out, or not found. */
    public static ProbeResult down(Duration latency, String reason) {
        return new ProbeResult(Status.DOWN, latency, reason);
    }

    @Override
    public String toString() {
        return status + " in " + latency.toMillis() + " ms: " + reason;
    }
}
