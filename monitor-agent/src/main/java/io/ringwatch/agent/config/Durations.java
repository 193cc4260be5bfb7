package io.ringwatch.agent.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Durations as people write them in the config file: {@code 500ms}, {@code 30s}, {@code 5m},
 * {@code 1h}, {@code 14d}, combinations from the largest unit down such as {@code 1h30m}, and
 * ISO-8601 such as {@code PT30S}. Thread-safe.
 */
public final class Durations {
    /** What a duration looks like, for error messages. */
    static final String EXAMPLE = "a duration such as 30s, 5m or 1h30m";

    private Durations() {
    }

    /**
     * Reads a duration.
     *
     * @param text such as {@code 1h30m}, {@code 500ms} or {@code PT30S}
     * @return the duration, or empty if the text is not one (negative durations are read only in
     *         ISO-8601 form)
     * @throws NullPointerException if {@code text} is null
     */
    public static Optional<Duration> parse(String text) {
        return io.ringwatch.engine.audit.Durations.parse(text);
    }

    /**
     * Writes a duration in the short form that {@link #parse} reads back: {@code 1h30m},
     * {@code 500ms}, {@code 0s}.
     *
     * @throws IllegalArgumentException if negative or finer than a millisecond
     */
    public static String format(Duration duration) {
        if (duration.isNegative() || duration.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("only whole milliseconds from zero up can be written short: " + duration);
        }
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDays(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    /** For people: {@code 500 ms}, {@code 60 s}, {@code 5 min}, {@code 3 h}; rounded down to the unit shown. */
    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000 || millis % 1000 != 0) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds <= 120 || seconds % 60 != 0) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes <= 120 || minutes % 60 != 0 ? minutes + " min" : minutes / 60 + " h";
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }
}
