package io.ringwatch.engine.audit;

import java.time.Duration;

/** Durations as people read them in events and notifications: {@code 500 ms}, {@code 30 s}, {@code 15 min}, {@code 2 h}. */
public final class Durations {
    private Durations() {
    }

    /** The duration in the largest unit that shows it whole, or in milliseconds. */
    public static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis != 0) {
            return millis / 3_600_000 + " h";
        }
        if (millis % 60_000 == 0 && millis != 0) {
            return millis / 60_000 + " min";
        }
        if (millis % 1_000 == 0 && millis != 0) {
            return millis / 1_000 + " s";
        }
        return millis + " ms";
    }
}
