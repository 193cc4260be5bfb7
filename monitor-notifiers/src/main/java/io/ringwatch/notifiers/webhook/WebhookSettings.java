package io.ringwatch.notifiers.webhook;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a webhook channel, read and checked. The URL and the secret are secrets:
 * {@link #toString()} shows the URL as {@link #origin()} only, and the secret not at all.
 * Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param url where to post: absolute, {@code http} or {@code https}, with a host
 * @param timeout how long one delivery may take, positive and at most {@link ChannelSettings#MAX_TIMEOUT}
 * @param signature signs each request, or empty when no secret is set
 */
record WebhookSettings(String channel, URI url, Duration timeout, Optional<WebhookSignature> signature) {
    static final String URL = "url";
    static final String SECRET = "secret";
    static final String TIMEOUT = ChannelSettings.TIMEOUT;
    static final Duration DEFAULT_TIMEOUT = ChannelSettings.DEFAULT_TIMEOUT;

    WebhookSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * Reads {@code url} (required), {@code secret} and {@code timeout} (default 10 s).
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         a setting is missing, malformed or unknown
     */
    static WebhookSettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, "webhook", Set.of(URL, SECRET));
        URI url = channel.httpUrl(URL);
        Optional<String> secret = settings.get(SECRET);
        if (secret.isPresent() && secret.get().isBlank()) {
            // Most likely ${VAR} of an unset variable: refuse rather than post unsigned.
            throw channel.invalid(SECRET, "is blank; remove it to post unsigned requests, or give it a value");
        }
        return new WebhookSettings(settings.channel(), url, channel.timeout(), secret.map(WebhookSignature::new));
    }

    /** The URL without its path, query or credentials: {@code https://hooks.example.com:443}. */
    String origin() {
        return ChannelHttp.origin(url);
    }

    /**
     * Returns {@code text} with the URL, its path and its query cut out, for messages that come
     * from elsewhere (the HTTP client) and might quote them.
     */
    String redact(String text) {
        return ChannelHttp.redact(text, url);
    }

    /** Shows the channel, the URL's origin, whether requests are signed and the timeout. */
    @Override
    public String toString() {
        return "WebhookSettings[channel=" + channel + ", url=" + origin() + ", signed=" + signature.isPresent()
                + ", timeout=" + timeout + "]";
    }
}
