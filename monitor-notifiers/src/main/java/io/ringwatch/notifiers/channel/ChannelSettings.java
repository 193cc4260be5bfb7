package io.ringwatch.notifiers.channel;

import io.ringwatch.api.NotifierSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel's settings, read with checks. Every error is an {@link IllegalArgumentException}
 * that names the channel and the setting and says what was expected, but never shows the value:
 * settings hold tokens and webhook URLs. Immutable.
 */
public final class ChannelSettings {
    /** The setting every channel accepts: how long one delivery may take. */
    public static final String TIMEOUT = "timeout";
    /** The timeout when none is set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest timeout accepted. */
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)");

    private final NotifierSettings settings;
    private final String kind;

    private ChannelSettings(NotifierSettings settings, String kind) {
        this.settings = settings;
        this.kind = kind;
    }

    /**
     * Reads the settings of a channel of {@code kind} (such as {@code slack}), which may hold
     * only {@code known} keys and {@link #TIMEOUT}.
     *
     * @throws IllegalArgumentException if a key is unknown, naming it and the known ones
     */
    public static ChannelSettings of(NotifierSettings settings, String kind, Set<String> known) {
        Objects.requireNonNull(settings, "settings");
        Set<String> allowed = new TreeSet<>(known);
        allowed.add(TIMEOUT);
        for (String key : settings.keys()) {
            if (!allowed.contains(key)) {
                String article = !kind.isEmpty() && "aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ";
                throw new IllegalArgumentException("channel '" + settings.channel() + "': unknown setting '" + key
                        + "' for " + article + kind + " channel; known settings: " + allowed);
            }
        }
        return new ChannelSettings(settings, kind);
    }

    /** The channel's name. */
    public String channel() {
        return settings.channel();
    }

    /** A setting that must be given and not blank. */
    public String required(String key) {
        String value = settings.get(key).map(String::strip).orElse("");
        if (value.isEmpty()) {
            throw invalid(key, settings.get(key).isPresent() ? "is blank" : "is required");
        }
        return value;
    }

    /** A setting that may be left out; given, it must not be blank (an unset {@code ${VAR}} is caught here). */
    public Optional<String> optional(String key) {
        Optional<String> value = settings.get(key).map(String::strip);
        if (value.isPresent() && value.get().isEmpty()) {
            throw invalid(key, "is blank; remove it, or give it a value");
        }
        return value;
    }

    /** An absolute http or https URL with a host and no user name or password. */
    public URI httpUrl(String key) {
        return checkedUrl(key, required(key));
    }

    /** As {@link #httpUrl(String)}, with a default. */
    public URI httpUrl(String key, String fallback) {
        return checkedUrl(key, optional(key).orElse(fallback));
    }

    /** {@link #TIMEOUT}: {@code 500ms}, {@code 10s}, {@code 1m} or ISO-8601; positive and at most an hour; 10 s by default. */
    public Duration timeout() {
        Optional<String> text = optional(TIMEOUT);
        if (text.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        Duration timeout = parseDuration(text.get());
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid(TIMEOUT, "must be a positive duration of at most 1 h, such as 500ms, 10s, 1m or PT10S");
        }
        return timeout;
    }

    /** An error about {@code key}: {@code channel 'x': setting 'key' <problem>}. */
    public IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException("channel '" + channel() + "': setting '" + key + "' " + problem);
    }

    /** Shows the channel and the keys given, never a value. */
    @Override
    public String toString() {
        return "ChannelSettings[" + kind + " channel " + channel() + ", keys " + new TreeSet<>(settings.keys()) + "]";
    }

    private URI checkedUrl(String key, String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            // getReason() and getIndex() only: the exception's message quotes the URL.
            throw invalid(key, "is not a valid URL (" + e.getReason().toLowerCase(Locale.ROOT)
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(key, "must be an absolute http or https URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw invalid(key, "must name a host");
        }
        if (url.getRawUserInfo() != null) {
            throw invalid(key, "must not hold a user name or password");
        }
        return url;
    }

    private static Duration parseDuration(String text) {
        Matcher shortForm = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
