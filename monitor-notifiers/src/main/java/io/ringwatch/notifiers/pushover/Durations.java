package io.ringwatch.notifiers.pushover;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the durations of pushover settings: {@code 90s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT5M}). */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*(s|m|h)");

    private Durations() {
    }

    /** The duration, or null if {@code text} is none of the accepted forms. */
    static Duration parse(String text) {
        Matcher shortForm = SHORT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
