package io.ringwatch.notifiers.webhook;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelUrl;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code webhook} channel, which posts each notification as JSON to a URL.
 * Settings:
 * <ul>
 *   <li>{@code url} (required): where to post, {@code http} or {@code https}. A secret: it is
 *       shown only as {@code scheme://host:port};</li>
 *   <li>{@code secret} (optional): when set, each request is signed with HMAC-SHA256 in the
 *       headers {@value WebhookNotifier#SIGNATURE} and {@value WebhookNotifier#TIMESTAMP};</li>
 *   <li>{@code timeout} (optional, default 10 s): how long one delivery may take, as
 *       {@code 500ms}, {@code 10s}, {@code 1m} or an ISO-8601 duration such as {@code PT10S}.</li>
 * </ul>
 * An unknown setting is rejected. Thread-safe, as are the notifiers it makes.
 */
public final class WebhookNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "webhook";

    private final Clock clock;

    /** Stamps requests with the system clock. */
    public WebhookNotifierProvider() {
        this(Clock.systemUTC());
    }

    /** Stamps requests ({@code sentAt} and the signature's timestamp) with this clock, for tests. */
    WebhookNotifierProvider(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a webhook notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         {@code url} is missing or not an absolute http or https URL, {@code secret} is
     *         blank, {@code timeout} is not a positive duration of at most an hour, or a setting
     *         is unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new WebhookNotifier(WebhookSettings.from(Objects.requireNonNull(settings, "settings")), clock);
    }

    /** {@code json://host[:port]/path} posts over http, {@code jsons://...} over https. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("json", "jsons");
    }

    /**
     * Reads {@code jsons://hooks.example.com/T000/B000?secret=S&timeout=5s}: the URL to post to
     * ({@code json} for http, {@code jsons} for https), with {@code secret} and {@code timeout}
     * taken out of the query and the rest of the query kept.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, "jsons://host[:port]/path[?secret=...&timeout=10s]");
        Map<String, String> settings = new LinkedHashMap<>();
        String scheme = parsed.scheme().equals("jsons") ? "https" : "http";
        String query = parsed.queryWithout(WebhookSettings.SECRET, WebhookSettings.TIMEOUT);
        settings.put(WebhookSettings.URL, scheme + "://" + parsed.authority() + parsed.path() + (query.isEmpty() ? "" : "?" + query));
        parsed.parameter(WebhookSettings.SECRET).ifPresent(secret -> settings.put(WebhookSettings.SECRET, secret));
        parsed.parameter(WebhookSettings.TIMEOUT).ifPresent(timeout -> settings.put(WebhookSettings.TIMEOUT, timeout));
        return settings;
    }

    @Override
    public String toString() {
        return "WebhookNotifierProvider[" + ID + "]";
    }
}
