package io.ringwatch.api;

/** How urgently people should look: the label that starts every human-readable line. */
public enum Severity {
    /** Nothing is wrong now: a recovery, an acknowledgement, a note. */
    INFORMATION,
    /** Something works badly: a degraded service, a flapping target, a disputed check. */
    WARNING,
    /** Something does not answer at all. */
    CRITICAL;

    /** Whether this severity is at least {@code other}. */
    public boolean isAtLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
