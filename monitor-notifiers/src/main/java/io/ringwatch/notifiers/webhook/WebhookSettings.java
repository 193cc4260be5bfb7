package io.ringwatch.notifiers.webhook;

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
 * The settings of a webhook channel, read and checked. The URL and the secret are secrets:
 * {@link #toString()} shows the URL as {@link #origin()} only, and the secret not at all.
 * Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param url where to post: absolute, {@code http} or {@code https}, with a host
 * @param timeout how long one delivery may take, positive and at most {@link #MAX_TIMEOUT}
 * @param signature signs each request, or empty when no secret is set
 */
record WebhookSettings(String channel, URI url, Duration timeout, Optional<WebhookSignature> signature) {
    static final String URL = "url";
    static final String SECRET = "secret";
    static final String TIMEOUT = "timeout";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    private static final Set<String> KEYS = Set.of(URL, SECRET, TIMEOUT);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)");

    WebhookSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Reads {@code url} (required), {@code secret} and {@code timeout} (default 10 s).
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         a setting is missing, malformed or unknown
     */
    static WebhookSettings from(NotifierSettings settings) {
        for (String key : settings.keys()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("channel '" + settings.channel() + "': unknown setting '" + key
                        + "' for a webhook channel; known settings: " + new TreeSet<>(KEYS));
            }
        }
        return new WebhookSettings(settings.channel(), url(settings), timeout(settings), signature(settings));
    }

    /** The URL without its path, query or credentials: {@code https://hooks.example.com:443}. */
    String origin() {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() != -1 ? url.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + url.getHost() + ":" + port;
    }

    /**
     * Returns {@code text} with the URL, its path and its query cut out, for messages that come
     * from elsewhere (the HTTP client) and might quote them.
     */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String redacted = text.replace(url.toString(), origin() + "/…");
        for (String part : new String[] {url.getRawPath(), url.getPath(), url.getRawQuery(), url.getQuery()}) {
            if (part != null && part.length() > 1) {
                redacted = redacted.replace(part, "…");
            }
        }
        return redacted;
    }

    /** Shows the channel, the URL's origin, whether requests are signed and the timeout. */
    @Override
    public String toString() {
        return "WebhookSettings[channel=" + channel + ", url=" + origin() + ", signed=" + signature.isPresent()
                + ", timeout=" + timeout + "]";
    }

    private static URI url(NotifierSettings settings) {
        String text = settings.require(URL).strip();
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            // getReason() and getIndex() only: the exception's message quotes the URL.
            throw invalid(settings, URL, "is not a valid URL (" + e.getReason().toLowerCase(Locale.ROOT)
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + ")");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(settings, URL, "must be an absolute http or https URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw invalid(settings, URL, "must name a host");
        }
        if (url.getRawUserInfo() != null) {
            throw invalid(settings, URL, "must not hold a user name or password; use a token in the path or the "
                    + "'secret' setting");
        }
        return url;
    }

    private static Duration timeout(NotifierSettings settings) {
        Optional<String> text = settings.get(TIMEOUT).map(String::strip);
        if (text.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        Duration timeout = parseDuration(text.get());
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw invalid(settings, TIMEOUT, "must be a positive duration of at most 1 h, such as 500ms, 10s, 1m "
                    + "or PT10S");
        }
        return timeout;
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

    private static Optional<WebhookSignature> signature(NotifierSettings settings) {
        Optional<String> secret = settings.get(SECRET);
        if (secret.isPresent() && secret.get().isBlank()) {
            // Most likely ${VAR} of an unset variable: refuse rather than post unsigned.
            throw invalid(settings, SECRET, "is blank; remove it to post unsigned requests, or give it a value");
        }
        return secret.map(WebhookSignature::new);
    }

    private static IllegalArgumentException invalid(NotifierSettings settings, String key, String problem) {
        return new IllegalArgumentException("channel '" + settings.channel() + "': setting '" + key + "' " + problem);
    }
}
