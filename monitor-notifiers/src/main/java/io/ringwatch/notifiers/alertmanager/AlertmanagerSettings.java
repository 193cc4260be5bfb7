package io.ringwatch.notifiers.alertmanager;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of an Alertmanager channel, read and checked. The password and the token are
 * secrets: {@link #toString()} shows neither, and the URL only as {@link #origin()}. Immutable
 * and thread-safe.
 *
 * @param channel the channel's name
 * @param alertsUrl where alerts are posted: the base URL with {@code /api/v2/alerts} after it
 * @param authorization the {@code Authorization} header's value ({@code Basic ...} or {@code Bearer ...}), or empty
 * @param generatorUrl the {@code generatorURL} of every alert, or empty
 * @param resolveTimeout how long after an alert (or its reminder) Alertmanager resolves it by itself if no recovery came
 * @param timeout how long one delivery may take
 */
record AlertmanagerSettings(String channel, URI alertsUrl, Optional<String> authorization, Optional<URI> generatorUrl,
        Duration resolveTimeout, Duration timeout) {
    static final String URL = "url";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TOKEN = "token";
    static final String GENERATOR_URL = "generator-url";
    static final String RESOLVE_TIMEOUT = "resolve-timeout";
    static final String TIMEOUT = ChannelSettings.TIMEOUT;
    static final String ALERTS_PATH = "/api/v2/alerts";
    static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofHours(24);
    static final Duration MIN_RESOLVE_TIMEOUT = Duration.ofMinutes(1);
    static final Duration MAX_RESOLVE_TIMEOUT = Duration.ofDays(30);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*(m|h|d)");

    AlertmanagerSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(alertsUrl, "alertsUrl");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(generatorUrl, "generatorUrl");
        Objects.requireNonNull(resolveTimeout, "resolveTimeout");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code url} (required), {@code username} with {@code password} or {@code token},
     * {@code generator-url}, {@code resolve-timeout} (default 24 h) and {@code timeout} (default 10 s).
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         a setting is missing, malformed, in conflict with another or unknown
     */
    static AlertmanagerSettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, "alertmanager",
                Set.of(URL, USERNAME, PASSWORD, TOKEN, GENERATOR_URL, RESOLVE_TIMEOUT));
        URI base = channel.httpUrl(URL);
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw channel.invalid(URL, "must be the Alertmanager's base URL, without a query or fragment");
        }
        String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        URI alerts = URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + ALERTS_PATH);
        Optional<String> username = channel.optional(USERNAME);
        Optional<String> password = settings.get(PASSWORD);
        if (password.isPresent() && password.get().isEmpty()) {
            throw channel.invalid(PASSWORD, "is empty");
        }
        if (username.isPresent() != password.isPresent()) {
            throw channel.invalid(username.isPresent() ? PASSWORD : USERNAME,
                    "is required when '" + (username.isPresent() ? USERNAME : PASSWORD) + "' is set");
        }
        if (username.isPresent() && username.get().contains(":")) {
            throw channel.invalid(USERNAME, "must not hold ':' (basic authentication cannot carry it)");
        }
        Optional<String> token = channel.optional(TOKEN);
        if (token.isPresent() && username.isPresent()) {
            throw channel.invalid(TOKEN, "cannot be set with 'username' and 'password': choose bearer or basic authentication");
        }
        if (token.isPresent() && !token.get().chars().allMatch(c -> c > 32 && c < 127)) {
            throw channel.invalid(TOKEN, "must be printable ASCII without spaces");
        }
        Optional<String> authorization = token.map(value -> "Bearer " + value)
                .or(() -> username.map(user -> "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password.get()).getBytes(UTF_8))));
        Optional<URI> generator = channel.optional(GENERATOR_URL).map(text -> channel.httpUrl(GENERATOR_URL));
        return new AlertmanagerSettings(settings.channel(), alerts, authorization, generator,
                resolveTimeout(channel), channel.timeout());
    }

    /** The URL without its path: {@code http://alertmanager.internal:9093}. */
    String origin() {
        return ChannelHttp.origin(alertsUrl);
    }

    /** Shows the channel, the URL's origin, the kind of authentication and the durations. */
    @Override
    public String toString() {
        return "AlertmanagerSettings[channel=" + channel + ", url=" + origin() + ", auth=" + authKind()
                + ", resolveTimeout=" + resolveTimeout + ", timeout=" + timeout + "]";
    }

    /** {@code none}, {@code basic} or {@code bearer}. */
    String authKind() {
        return authorization.map(value -> value.startsWith("Basic ") ? "basic" : "bearer").orElse("none");
    }

    private static Duration resolveTimeout(ChannelSettings channel) {
        Optional<String> text = channel.optional(RESOLVE_TIMEOUT);
        if (text.isEmpty()) {
            return DEFAULT_RESOLVE_TIMEOUT;
        }
        Duration duration = parse(text.get());
        if (duration == null || duration.compareTo(MIN_RESOLVE_TIMEOUT) < 0 || duration.compareTo(MAX_RESOLVE_TIMEOUT) > 0) {
            throw channel.invalid(RESOLVE_TIMEOUT, "must be a duration from 1 minute to 30 days, such as 90m, 24h, 7d or PT24H");
        }
        return duration;
    }

    private static Duration parse(String text) {
        Matcher shortForm = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            return switch (shortForm.group(2)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
