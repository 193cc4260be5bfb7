package io.ringwatch.notifiers.pagerduty;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelSettings;
import io.ringwatch.notifiers.channel.ChannelUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code pagerduty} channel, which sends each notification to PagerDuty's Events
 * API v2. Settings:
 * <ul>
 *   <li>{@code routing-key} (required): the integration key of an Events API v2 integration
 *       on a PagerDuty service. A secret: never shown;</li>
 *   <li>{@code api-url} (optional, default {@value PagerDutySettings#DEFAULT_API_URL}): where
 *       the API is; {@value PagerDutySettings#EU_API_URL} for an account in the EU region;</li>
 *   <li>{@code group} (optional): PagerDuty's {@code payload.group}, such as the farm's name;</li>
 *   <li>{@code timeout} (optional, default 10 s): how long one delivery may take.</li>
 * </ul>
 * As one channel URL: {@code pagerduty://ROUTING_KEY[?region=eu&group=G&timeout=10s]}.
 * An unknown setting is rejected. Thread-safe, as are the notifiers it makes.
 */
public final class PagerDutyNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "pagerduty";
    static final String URL_FORM = "pagerduty://ROUTING_KEY[?region=eu&group=G&timeout=10s]";

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a PagerDuty notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         {@code routing-key} is missing or blank, {@code api-url} is not an absolute http or
     *         https URL, {@code timeout} is not a positive duration of at most an hour, or a
     *         setting is unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new PagerDutyNotifier(PagerDutySettings.from(Objects.requireNonNull(settings, "settings")));
    }

    /** {@code pagerduty://ROUTING_KEY}. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("pagerduty");
    }

    /**
     * Reads {@code pagerduty://ROUTING_KEY[?region=eu&group=G&timeout=10s]}: {@code region}
     * {@code us} (the default) or {@code eu} chooses the API's address.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, URL_FORM);
        if (!parsed.pathParts().isEmpty()) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (nothing after the routing key)");
        }
        for (String key : parsed.query().keySet()) {
            if (!Set.of("region", PagerDutySettings.GROUP, ChannelSettings.TIMEOUT).contains(key)) {
                throw new IllegalArgumentException("expected a URL of the form " + URL_FORM
                        + " (unknown parameter '" + key + "')");
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(PagerDutySettings.ROUTING_KEY, parsed.authority());
        String region = parsed.parameter("region").orElse("us");
        switch (region) {
            case "us" -> { }
            case "eu" -> settings.put(PagerDutySettings.API_URL, PagerDutySettings.EU_API_URL);
            default -> throw new IllegalArgumentException("expected a URL of the form " + URL_FORM
                    + " (region must be us or eu)");
        }
        parsed.parameter(PagerDutySettings.GROUP).ifPresent(group -> settings.put(PagerDutySettings.GROUP, group));
        parsed.parameter(ChannelSettings.TIMEOUT).ifPresent(timeout -> settings.put(ChannelSettings.TIMEOUT, timeout));
        return settings;
    }

    @Override
    public String toString() {
        return "PagerDutyNotifierProvider[" + ID + "]";
    }
}
