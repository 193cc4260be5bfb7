package io.ringwatch.engine.audit;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people read them in events and notifications ({@code 500 ms}, {@code 30 s},
 * {@code 15 min}, {@code 2 h}) and as they write them in a config file or a chat command
 * ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 14d}, {@code PT30S}). Thread-safe.
 */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile(
            "(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?(?:(\\d{1,9})ms)?");

    private Durations() {
    }

    /**
     * Reads a duration as people write it.
     *
     * @param text such as {@code 1h30m}, {@code 500ms}, {@code 14d} or {@code PT30S}
     * @return the duration, or empty if the text is not one (negative durations are read only in
     *         ISO-8601 form)
     * @throws NullPointerException if {@code text} is null
     */
    public static Optional<Duration> parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("P") || trimmed.startsWith("p") || trimmed.startsWith("-P")) {
            try {
                return Optional.of(Duration.parse(trimmed));
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
        Matcher matcher = SHORT.matcher(trimmed);
        if (trimmed.isEmpty() || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofDays(number(matcher, 1))
                .plusHours(number(matcher, 2))
                .plusMinutes(number(matcher, 3))
                .plusSeconds(number(matcher, 4))
                .plusMillis(number(matcher, 5)));
    }

    private static long number(Matcher matcher, int group) {
        String digits = matcher.group(group);
        return digits == null ? 0 : Long.parseLong(digits);
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

    /**
     * A duration as a person reads it in a table, to the second: {@code 2d 3h}, {@code 1h 05m},
     * {@code 4m 10s}, {@code 12s}; a negative duration is {@code 0s}.
     */
    public static String compact(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + String.format(Locale.ROOT, "%02dm", minutes);
        }
        if (minutes > 0) {
            return minutes + "m " + String.format(Locale.ROOT, "%02ds", seconds % 60);
        }
        return seconds + "s";
    }
}
