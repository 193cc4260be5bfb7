package io.ringwatch.api;

/**
 * What an observer sees of a target. Declared from best to worst, after {@link #UNKNOWN}.
 */
public enum Status {
    /** Not checked yet. */
    UNKNOWN(Severity.INFORMATION),
    /** Answered as expected. */
    UP(Severity.INFORMATION),
    /** Answered, but badly: unexpected status or body, too slow, a certificate about to expire. */
    DEGRADED(Severity.WARNING),
    /** Did not answer: refused, reset, timed out, or not found. */
    DOWN(Severity.CRITICAL);

    private final Severity severity;

    Status(Severity severity) {
        this.severity = severity;
    }

    /** The severity of a change into this status. */
    public Severity severity() {
        return severity;
    }

    /** Whether this status needs a person: {@link #DEGRADED} or {@link #DOWN}. */
    public boolean isProblem() {
        return this == DEGRADED || this == DOWN;
    }

    /** Whether both statuses are known and this one is worse than {@code other}. */
    public boolean isWorseThan(Status other) {
        return this != UNKNOWN && other != UNKNOWN && compareTo(other) > 0;
    }
}
