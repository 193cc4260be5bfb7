package io.ringwatch.notifiers.discord;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a Discord channel, read and checked. The webhook URL holds the webhook's
 * token: {@link #toString()} shows it as scheme, host and port only. Immutable and thread-safe.
 *
 * @param channel the channel's name in Ringwatch
 * @param webhookUrl where to post, {@code https://discord.com/api/webhooks/ID/TOKEN}
 * @param username the name the message is posted under, instead of the webhook's own
 * @param avatarUrl the picture the message is posted with, instead of the webhook's own
 * @param timeout how long one delivery may take
 */
record DiscordSettings(String channel, URI webhookUrl, Optional<String> username, Optional<URI> avatarUrl,
        Duration timeout) {
    static final String WEBHOOK_URL = "webhook-url";
    static final String USERNAME = "username";
    static final String AVATAR_URL = "avatar-url";
    /** Discord's limit on a webhook's user name. */
    static final int MAX_USERNAME = 80;

    DiscordSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(avatarUrl, "avatarUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code webhook-url} (required), {@code username}, {@code avatar-url} and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, blank, malformed or unknown
     */
    static DiscordSettings from(NotifierSettings settings) {
        ChannelSettings read = ChannelSettings.of(settings, "discord", Set.of(WEBHOOK_URL, USERNAME, AVATAR_URL));
        URI webhookUrl = read.httpUrl(WEBHOOK_URL);
        Optional<String> username = read.optional(USERNAME);
        if (username.isPresent() && username.get().length() > MAX_USERNAME) {
            throw read.invalid(USERNAME, "is longer than Discord's " + MAX_USERNAME + " characters");
        }
        Optional<URI> avatarUrl = read.optional(AVATAR_URL).map(given -> read.httpUrl(AVATAR_URL));
        return new DiscordSettings(read.channel(), webhookUrl, username, avatarUrl, read.timeout());
    }

    /** Shows the channel, the webhook's origin, the user name and the timeout: no token. */
    @Override
    public String toString() {
        return "DiscordSettings[channel=" + channel + ", webhook=" + ChannelHttp.origin(webhookUrl)
                + username.map(name -> ", username=" + name).orElse("") + ", timeout=" + timeout + "]";
    }
}
