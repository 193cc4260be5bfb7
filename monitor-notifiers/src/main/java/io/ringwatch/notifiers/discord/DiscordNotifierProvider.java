package io.ringwatch.notifiers.discord;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.card.UrlParts;
import io.ringwatch.notifiers.channel.ChannelSettings;
import io.ringwatch.notifiers.channel.ChannelUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code discord} channel, which posts each notification to a Discord webhook.
 * Settings:
 * <ul>
 *   <li>{@code webhook-url} (required): {@code https://discord.com/api/webhooks/ID/TOKEN}, a
 *       secret; shown only as {@code scheme://host:port};</li>
 *   <li>{@code username}, {@code avatar-url} (optional): the name and picture the messages are
 *       posted under, instead of the webhook's own;</li>
 *   <li>{@code timeout} (optional, default 10 s).</li>
 * </ul>
 * As one URL, Apprise's form: {@code discord://[USERNAME@]WEBHOOK_ID/WEBHOOK_TOKEN[?avatar-url=…&timeout=5s]}.
 * An unknown setting is rejected. Thread-safe, as are the notifiers it makes.
 */
public final class DiscordNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "discord";
    /** Where {@code discord://ID/TOKEN} posts: {@code https://discord.com/api/webhooks/ID/TOKEN}. */
    static final String WEBHOOKS = "https://discord.com/api/webhooks/";
    private static final String FORM = "discord://[USERNAME@]WEBHOOK_ID/WEBHOOK_TOKEN[?avatar-url=...&timeout=10s]";
    private static final Set<String> PARAMETERS = Set.of(DiscordSettings.AVATAR_URL, ChannelSettings.TIMEOUT);

    /** Makes notifiers; no I/O. */
    public DiscordNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a Discord notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         {@code webhook-url} is missing or not an absolute http or https URL, a setting is
     *         blank, malformed or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new DiscordNotifier(DiscordSettings.from(Objects.requireNonNull(settings, "settings")));
    }

    @Override
    public Set<String> urlSchemes() {
        return Set.of("discord");
    }

    /**
     * Reads {@code discord://[USERNAME@]WEBHOOK_ID/WEBHOOK_TOKEN} as the webhook
     * {@code https://discord.com/api/webhooks/WEBHOOK_ID/WEBHOOK_TOKEN}, with {@code avatar-url}
     * and {@code timeout} from the query.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, FORM);
        UrlParts.onlyParameters(parsed, PARAMETERS);
        String webhookId = UrlParts.host(parsed);
        List<String> parts = parsed.pathParts();
        if (webhookId.isEmpty() || parts.size() != 1) {
            throw new IllegalArgumentException("expected a URL of the form " + FORM);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(DiscordSettings.WEBHOOK_URL, WEBHOOKS + webhookId + "/" + parts.get(0));
        UrlParts.user(parsed).ifPresent(username -> settings.put(DiscordSettings.USERNAME, username));
        parsed.parameter(DiscordSettings.AVATAR_URL).ifPresent(avatar -> settings.put(DiscordSettings.AVATAR_URL, avatar));
        parsed.parameter(ChannelSettings.TIMEOUT).ifPresent(timeout -> settings.put(ChannelSettings.TIMEOUT, timeout));
        return settings;
    }

    @Override
    public String toString() {
        return "DiscordNotifierProvider[" + ID + "]";
    }
}
