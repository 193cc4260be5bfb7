package io.ringwatch.notifiers.opsgenie;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of an Opsgenie channel, read and checked. The API key is a secret:
 * {@link #toString()} never shows it. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param apiKey the key of an Opsgenie API integration (a secret)
 * @param apiUrl where the API is, without a trailing slash
 * @param timeout how long one delivery may take
 */
record OpsgenieSettings(String channel, String apiKey, URI apiUrl, Duration timeout) {
    static final String API_KEY = "api-key";
    static final String API_URL = "api-url";
    static final String DEFAULT_API_URL = "https://api.opsgenie.com";
    static final String EU_API_URL = "https://api.eu.opsgenie.com";

    OpsgenieSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code api-key} (required), {@code api-url} (default {@value #DEFAULT_API_URL}) and
     * {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, blank, malformed or unknown
     */
    static OpsgenieSettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, OpsgenieNotifierProvider.ID, Set.of(API_KEY, API_URL));
        String apiKey = channel.required(API_KEY);
        if (apiKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            // It goes into a header: a line break there would forge another header.
            throw channel.invalid(API_KEY, "must be printable ASCII without spaces, as Opsgenie's API keys are");
        }
        URI apiUrl = channel.httpUrl(API_URL, DEFAULT_API_URL);
        return new OpsgenieSettings(settings.channel(), apiKey,
                URI.create(apiUrl.toString().replaceAll("/+$", "")), channel.timeout());
    }

    /** {@code api-url} followed by {@code path}, which starts with a slash and is encoded already. */
    URI resolve(String path) {
        return URI.create(apiUrl + path);
    }

    /** Shows the channel, the API's scheme, host and port, and the timeout; never the key. */
    @Override
    public String toString() {
        return "OpsgenieSettings[channel=" + channel + ", api=" + ChannelHttp.origin(apiUrl) + ", timeout=" + timeout + "]";
    }
}
