package io.ringwatch.notifiers.msteams;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of a Teams channel, read and checked. The Workflows webhook URL carries its own
 * authorisation (the {@code sig} query parameter), so it is a secret: {@link #toString()} shows
 * it as scheme, host and port only. Immutable and thread-safe.
 *
 * @param channel the channel's name in Ringwatch
 * @param webhookUrl the workflow's URL, such as
 *        {@code https://….environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/…/triggers/manual/paths/invoke?api-version=1&sp=…&sv=1.0&sig=…}
 * @param timeout how long one delivery may take
 */
record TeamsSettings(String channel, URI webhookUrl, Duration timeout) {
    static final String WEBHOOK_URL = "webhook-url";

    TeamsSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code webhook-url} (required) and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, blank, malformed or unknown
     */
    static TeamsSettings from(NotifierSettings settings) {
        ChannelSettings read = ChannelSettings.of(settings, "msteams", Set.of(WEBHOOK_URL));
        return new TeamsSettings(read.channel(), read.httpUrl(WEBHOOK_URL), read.timeout());
    }

    /** Shows the channel, the webhook's origin and the timeout: no path, no signature. */
    @Override
    public String toString() {
        return "TeamsSettings[channel=" + channel + ", webhook=" + ChannelHttp.origin(webhookUrl) + ", timeout=" + timeout + "]";
    }
}
