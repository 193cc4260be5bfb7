package io.ringwatch.notifiers.pagerduty;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a PagerDuty channel, read and checked. The routing key is a secret:
 * {@link #toString()} never shows it. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param routingKey the integration key of an Events API v2 integration (a secret)
 * @param enqueueUrl where events go: {@code api-url} followed by {@value #ENQUEUE_PATH}
 * @param group PagerDuty's {@code payload.group}, or empty
 * @param timeout how long one delivery may take
 */
record PagerDutySettings(String channel, String routingKey, URI enqueueUrl, Optional<String> group, Duration timeout) {
    static final String ROUTING_KEY = "routing-key";
    static final String API_URL = "api-url";
    static final String GROUP = "group";
    static final String DEFAULT_API_URL = "https://events.pagerduty.com";
    static final String EU_API_URL = "https://events.eu.pagerduty.com";
    static final String ENQUEUE_PATH = "/v2/enqueue";

    PagerDutySettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(enqueueUrl, "enqueueUrl");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code routing-key} (required), {@code api-url} (default {@value #DEFAULT_API_URL}),
     * {@code group} and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, blank, malformed or unknown
     */
    static PagerDutySettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, PagerDutyNotifierProvider.ID, Set.of(ROUTING_KEY, API_URL, GROUP));
        String routingKey = channel.required(ROUTING_KEY);
        if (routingKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw channel.invalid(ROUTING_KEY, "must be printable ASCII without spaces, as PagerDuty's integration keys are");
        }
        URI base = channel.httpUrl(API_URL, DEFAULT_API_URL);
        URI enqueue = URI.create(base.toString().replaceAll("/+$", "") + ENQUEUE_PATH);
        return new PagerDutySettings(settings.channel(), routingKey, enqueue, channel.optional(GROUP), channel.timeout());
    }

    /** Shows the channel, where events go (scheme, host and port) and the timeout; never the routing key. */
    @Override
    public String toString() {
        return "PagerDutySettings[channel=" + channel + ", api=" + ChannelHttp.origin(enqueueUrl) + ", group="
                + group.orElse("none") + ", timeout=" + timeout + "]";
    }
}
