package io.ringwatch.notifiers.mattermost;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a Mattermost channel, read and checked. The webhook URL holds the webhook's
 * key, a secret: {@link #toString()} shows it as scheme, host and port only. Immutable and
 * thread-safe.
 *
 * @param channel the channel's name in Ringwatch
 * @param webhookUrl where to post, {@code https://mattermost.example.com/hooks/KEY}
 * @param mattermostChannel the Mattermost channel to post in instead of the webhook's own, by
 *        its name ({@code town-square}, not its display name), or {@code @user} for a direct message
 * @param username the name the post shows instead of the webhook's own (if the server lets webhooks override it)
 * @param iconUrl the picture the post shows instead of the webhook's own (likewise)
 * @param timeout how long one delivery may take
 */
record MattermostSettings(String channel, URI webhookUrl, Optional<String> mattermostChannel, Optional<String> username,
        Optional<URI> iconUrl, Duration timeout) {
    static final String WEBHOOK_URL = "webhook-url";
    static final String CHANNEL = "channel";
    static final String USERNAME = "username";
    static final String ICON_URL = "icon-url";
    /** What {@link #isChannelName} does not accept, said after the contact's address. */
    static final String CHANNEL_NAME_EXPECTED = "must be a Mattermost channel's name (town-square, not its display name) "
            + "or @username";

    /** A channel's name, maybe after a {@code #}, or {@code @} and a user name: no blank, no {@code /}. */
    private static final Pattern CHANNEL_NAME_FORM = Pattern.compile("[@#]?[A-Za-z0-9._-]{1,64}");

    MattermostSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(mattermostChannel, "mattermostChannel");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(iconUrl, "iconUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code webhook-url} (required), {@code channel}, {@code username}, {@code icon-url}
     * and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, blank, malformed or unknown
     */
    static MattermostSettings from(NotifierSettings settings) {
        ChannelSettings read = ChannelSettings.of(settings, "mattermost", Set.of(WEBHOOK_URL, CHANNEL, USERNAME, ICON_URL));
        URI webhookUrl = read.httpUrl(WEBHOOK_URL);
        Optional<URI> iconUrl = read.optional(ICON_URL).map(given -> read.httpUrl(ICON_URL));
        return new MattermostSettings(read.channel(), webhookUrl, read.optional(CHANNEL), read.optional(USERNAME), iconUrl,
                read.timeout());
    }

    /**
     * Whether {@code name} can be what a webhook's post takes as {@code channel}: a channel's name
     * ({@code town-square}) or {@code @username}, for a direct message.
     */
    static boolean isChannelName(String name) {
        return CHANNEL_NAME_FORM.matcher(name).matches();
    }

    /** Shows the channel, the webhook's origin, the Mattermost channel and the timeout: no key. */
    @Override
    public String toString() {
        return "MattermostSettings[channel=" + channel + ", webhook=" + ChannelHttp.origin(webhookUrl)
                + mattermostChannel.map(name -> ", posts to " + name).orElse("") + ", timeout=" + timeout + "]";
    }
}
