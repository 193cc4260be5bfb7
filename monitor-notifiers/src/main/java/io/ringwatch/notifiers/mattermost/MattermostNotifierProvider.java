package io.ringwatch.notifiers.mattermost;

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
 * Provides the {@code mattermost} channel, which posts each notification to a Mattermost
 * incoming webhook. Settings:
 * <ul>
 *   <li>{@code webhook-url} (required): {@code https://mattermost.example.com/hooks/KEY}, a
 *       secret; shown only as {@code scheme://host:port};</li>
 *   <li>{@code channel} (optional): the channel's name ({@code town-square}) to post in instead
 *       of the webhook's own, or {@code @user};</li>
 *   <li>{@code username}, {@code icon-url} (optional): the name and picture the post shows,
 *       where the server lets webhooks override them;</li>
 *   <li>{@code timeout} (optional, default 10 s).</li>
 * </ul>
 * As one URL, Apprise's form: {@code mmosts://[USERNAME@]HOST[:PORT][/PATH]/KEY[?channel=…&icon-url=…&timeout=5s]}
 * posts to {@code https://HOST[:PORT][/PATH]/hooks/KEY}; {@code mmost://} to {@code http://}.
 * An unknown setting is rejected. Thread-safe, as are the notifiers it makes.
 */
public final class MattermostNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "mattermost";
    private static final String FORM = "mmosts://[USERNAME@]HOST[:PORT][/PATH]/KEY[?channel=...&icon-url=...&timeout=10s]";
    private static final Set<String> PARAMETERS = Set.of(MattermostSettings.CHANNEL, MattermostSettings.ICON_URL,
            ChannelSettings.TIMEOUT);

    /** Makes notifiers; no I/O. */
    public MattermostNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a Mattermost notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         {@code webhook-url} is missing or not an absolute http or https URL, or a setting is
     *         blank, malformed or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new MattermostNotifier(MattermostSettings.from(Objects.requireNonNull(settings, "settings")));
    }

    /** {@code mmost} posts over http, {@code mmosts} over https. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("mmost", "mmosts");
    }

    /**
     * Reads {@code mmosts://[USERNAME@]HOST[:PORT][/PATH]/KEY}: the webhook
     * {@code https://HOST[:PORT][/PATH]/hooks/KEY} ({@code http} for {@code mmost}), with
     * {@code channel}, {@code icon-url} and {@code timeout} from the query.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, FORM);
        UrlParts.onlyParameters(parsed, PARAMETERS);
        String host = UrlParts.host(parsed);
        List<String> parts = parsed.pathParts();
        if (host.isEmpty() || parts.isEmpty()) {
            throw new IllegalArgumentException("expected a URL of the form " + FORM + " (the webhook's key is missing)");
        }
        String scheme = parsed.scheme().equals("mmosts") ? "https" : "http";
        StringBuilder webhook = new StringBuilder(scheme).append("://").append(host);
        int key = parts.size() - 1;
        // The webhook's own path may be given whole: mmosts://host/hooks/KEY is https://host/hooks/KEY.
        boolean hooksGiven = key > 0 && parts.get(key - 1).equals("hooks");
        parts.subList(0, hooksGiven ? key - 1 : key).forEach(part -> webhook.append('/').append(part));
        webhook.append("/hooks/").append(parts.get(key));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(MattermostSettings.WEBHOOK_URL, webhook.toString());
        UrlParts.user(parsed).ifPresent(username -> settings.put(MattermostSettings.USERNAME, username));
        for (String parameter : List.of(MattermostSettings.CHANNEL, MattermostSettings.ICON_URL, ChannelSettings.TIMEOUT)) {
            parsed.parameter(parameter).ifPresent(value -> settings.put(parameter, value));
        }
        return settings;
    }

    @Override
    public String toString() {
        return "MattermostNotifierProvider[" + ID + "]";
    }
}
