package io.ringwatch.notifiers.msteams;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.card.UrlParts;
import io.ringwatch.notifiers.channel.ChannelSettings;
import io.ringwatch.notifiers.channel.ChannelUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code msteams} channel, which posts each notification to Microsoft Teams as an
 * Adaptive Card through a Power Automate "Workflows" webhook (Teams: the channel's ⋯ menu,
 * Workflows, "Send webhook alerts to a channel"). Settings:
 * <ul>
 *   <li>{@code webhook-url} (required): the workflow's HTTP POST URL, a secret (its {@code sig}
 *       parameter authorises the post); shown only as {@code scheme://host:port};</li>
 *   <li>{@code timeout} (optional, default 10 s).</li>
 * </ul>
 * As one URL: the workflow's URL with {@code https://} replaced by {@code msteams://},
 * {@code msteams://HOST[:PORT]/PATH?QUERY[&timeout=5s]}. The retired Office 365 connector form
 * of Apprise, {@code msteams://TEAM/TOKEN_A/TOKEN_B/TOKEN_C}, is refused with a message saying so.
 * An unknown setting is rejected. Thread-safe, as are the notifiers it makes.
 */
public final class TeamsNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "msteams";
    private static final String FORM = "msteams://HOST[:PORT]/PATH?QUERY, the Workflows webhook's URL with https:// "
            + "replaced by msteams://, with an optional &timeout=10s";

    /** Makes notifiers; no I/O. */
    public TeamsNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a Teams notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         {@code webhook-url} is missing or not an absolute http or https URL, or a setting is
     *         blank, malformed or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new TeamsNotifier(TeamsSettings.from(Objects.requireNonNull(settings, "settings")));
    }

    @Override
    public Set<String> urlSchemes() {
        return Set.of("msteams");
    }

    /**
     * Reads {@code msteams://HOST[:PORT]/PATH?QUERY} as the webhook {@code https://HOST[:PORT]/PATH?QUERY},
     * with {@code timeout} taken out of the query and the rest of the query kept as it is.
     *
     * @throws IllegalArgumentException if the URL is not of that form, or is Apprise's retired
     *         connector form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, FORM);
        String host = UrlParts.host(parsed);
        if (!host.equals(parsed.authority()) || parsed.path().isEmpty()) {
            throw new IllegalArgumentException("expected a URL of the form " + FORM);
        }
        if (!host.contains(".")) {
            throw new IllegalArgumentException("expected a URL of the form " + FORM + "; msteams://TEAM/TOKEN_A/TOKEN_B/"
                    + "TOKEN_C is an Office 365 connector, which Teams retired: make a Workflows webhook instead");
        }
        String query = parsed.queryWithout(ChannelSettings.TIMEOUT);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TeamsSettings.WEBHOOK_URL, "https://" + host + parsed.path() + (query.isEmpty() ? "" : "?" + query));
        parsed.parameter(ChannelSettings.TIMEOUT).ifPresent(timeout -> settings.put(ChannelSettings.TIMEOUT, timeout));
        return settings;
    }

    @Override
    public String toString() {
        return "TeamsNotifierProvider[" + ID + "]";
    }
}
