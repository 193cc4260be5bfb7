package io.ringwatch.benchmarks;

import java.util.Locale;

/**
 * What one kill of a {@link DetectionLatency} run gave. Immutable.
 *
 * @param number 1-based
 * @param victim the node killed
 * @param failure why the run failed (no alert, no recovery, farm not steady), or null
 * @param alertMissed whether the failure is that no alert came in time
 * @param alerter the node whose alert came first, or null
 * @param latencyNanos from the kill to the first alert's arrival, or -1 without an alert
 * @param recoveryNanos from the restart to the first recovery's arrival, or -1 without one
 * @param alerts how many alerts about the victim arrived during the run
 * @param strayAlerts how many alerts about other nodes arrived during the run
 * @param flappingNotices how many FLAPPING notifications, about any node, arrived during the run
 */
record LatencyRun(int number, String victim, String failure, boolean alertMissed, String alerter, long latencyNanos,
        long recoveryNanos, int alerts, int strayAlerts, int flappingNotices) {

    /** A run whose alert and recovery came in time. */
    static LatencyRun detected(int number, String victim, String alerter, long latencyNanos, long recoveryNanos, int alerts,
            int strayAlerts, int flappingNotices) {
        return new LatencyRun(number, victim, null, false, alerter, latencyNanos, recoveryNanos, alerts, strayAlerts,
                flappingNotices);
    }

    boolean failed() {
        return failure != null;
    }

    boolean hasLatency() {
        return latencyNanos >= 0;
    }

    /** Alerts beyond the first about the one incident a kill makes. */
    int duplicates() {
        return Math.max(0, alerts - 1);
    }

    double latencySeconds() {
        return latencyNanos / 1e9;
    }

    /** The progress line: {@code run 7/50: killed n3, alert from n2 after 1.234 s (recovery 1.9 s)}. */
    String line(int total) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "run %d/%d: killed %s", number, total, victim));
        if (hasLatency()) {
            line.append(String.format(Locale.ROOT, ", alert from %s after %.3f s", alerter, latencySeconds()));
        }
        if (recoveryNanos >= 0) {
            line.append(String.format(Locale.ROOT, " (recovery %.1f s)", recoveryNanos / 1e9));
        }
        if (duplicates() > 0) {
            line.append(", ").append(duplicates()).append(" duplicate alert(s)");
        }
        if (strayAlerts > 0) {
            line.append(", ").append(strayAlerts).append(" alert(s) about other nodes");
        }
        if (flappingNotices > 0) {
            line.append(", ").append(flappingNotices).append(" flapping notice(s)");
        }
        if (failed()) {
            line.append(", FAILED: ").append(failure);
        }
        return line.toString();
    }
}
