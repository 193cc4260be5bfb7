package io.ringwatch.notifiers.slack;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.card.UrlParts;
import io.ringwatch.notifiers.channel.ChannelSettings;
import io.ringwatch.notifiers.channel.ChannelUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code slack} channel, which posts each notification to Slack in one of two ways:
 * <ul>
 *   <li>an <b>incoming webhook</b>: setting {@code webhook-url}
 *       ({@code https://hooks.slack.com/services/T…/B…/…}, a secret); it posts to the Slack
 *       channel the webhook was made for;</li>
 *   <li>the Web API's <b>{@code chat.postMessage}</b>: settings {@code token} (a bot token,
 *       {@code xoxb-…}, a secret, sent as {@code Authorization: Bearer}) and {@code channel}
 *       ({@code #ops} or an id such as {@code C0123456789}), and optionally {@code api-url}
 *       (default {@code https://slack.com/api}).</li>
 * </ul>
 * {@code timeout} (default 10 s) is accepted by both. As one URL, Apprise's forms:
 * {@code slack://T000/B000/XXXX} for a webhook, {@code slack://xoxb-TOKEN/#channel} for the bot,
 * each with an optional {@code ?timeout=5s}. An unknown setting is rejected. Thread-safe, as
 * are the notifiers it makes.
 */
public final class SlackNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "slack";
    /** Where {@code slack://A/B/C} posts: {@code https://hooks.slack.com/services/A/B/C}. */
    static final String WEBHOOKS = "https://hooks.slack.com/services/";
    private static final String FORM = "slack://T000/B000/XXXX (an incoming webhook) or slack://xoxb-TOKEN/#channel "
            + "(chat.postMessage), with an optional ?timeout=10s";

    /** Makes notifiers; no I/O. */
    public SlackNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a Slack notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         neither {@code webhook-url} nor {@code token} is given or both are, a setting is
     *         missing, blank, malformed or unknown, or {@code channel} or {@code api-url} is
     *         given with {@code webhook-url}
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new SlackNotifier(SlackSettings.from(Objects.requireNonNull(settings, "settings")));
    }

    @Override
    public Set<String> urlSchemes() {
        return Set.of("slack");
    }

    /**
     * Reads {@code slack://T000/B000/XXXX} as an incoming webhook's URL,
     * {@code https://hooks.slack.com/services/T000/B000/XXXX}, and {@code slack://xoxb-TOKEN/#channel}
     * (a token starting with {@code xox}) as a bot token and a channel; {@code ?timeout=} in either.
     *
     * @throws IllegalArgumentException if the URL is not of one of these forms; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, FORM);
        UrlParts.onlyParameters(parsed, Set.of(ChannelSettings.TIMEOUT));
        List<String> parts = parsed.pathParts();
        Map<String, String> settings = new LinkedHashMap<>();
        if (parsed.authority().toLowerCase(Locale.ROOT).startsWith("xox")) {
            if (parts.size() != 1) {
                throw new IllegalArgumentException("expected a URL of the form " + FORM + " (a bot token needs one channel)");
            }
            settings.put(SlackSettings.TOKEN, parsed.authority());
            settings.put(SlackSettings.CHANNEL, parts.get(0));
        } else {
            if (parts.size() != 2) {
                throw new IllegalArgumentException("expected a URL of the form " + FORM + " (a webhook has three tokens)");
            }
            settings.put(SlackSettings.WEBHOOK_URL, WEBHOOKS + parsed.authority() + "/" + parts.get(0) + "/" + parts.get(1));
        }
        parsed.parameter(ChannelSettings.TIMEOUT).ifPresent(timeout -> settings.put(ChannelSettings.TIMEOUT, timeout));
        return settings;
    }

    @Override
    public String toString() {
        return "SlackNotifierProvider[" + ID + "]";
    }
}
