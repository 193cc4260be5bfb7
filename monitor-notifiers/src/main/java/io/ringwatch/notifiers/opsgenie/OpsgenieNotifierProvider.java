package io.ringwatch.notifiers.opsgenie;

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
 * Provides the {@code opsgenie} channel, which creates, acknowledges and closes Opsgenie alerts. Settings:
 * <ul>
 *   <li>{@code api-key} (required): the key of an API integration. A secret: never shown;</li>
 *   <li>{@code api-url} (optional, default {@value OpsgenieSettings#DEFAULT_API_URL}):
 *       {@value OpsgenieSettings#EU_API_URL} for an account in the EU region;</li>
 *   <li>{@code timeout} (optional, default 10 s): how long one delivery may take.</li>
 * </ul>
 * As one channel URL: {@code opsgenie://API_KEY[?region=eu&timeout=10s]}. An unknown setting
 * is rejected. Thread-safe, as are the notifiers it makes.
 */
public final class OpsgenieNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "opsgenie";
    static final String URL_FORM = "opsgenie://API_KEY[?region=eu&timeout=10s]";

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes an Opsgenie notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         {@code api-key} is missing, blank or not printable ASCII, {@code api-url} is not an
     *         absolute http or https URL, {@code timeout} is not a positive duration of at most
     *         an hour, or a setting is unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new OpsgenieNotifier(OpsgenieSettings.from(Objects.requireNonNull(settings, "settings")));
    }

    /** {@code opsgenie://API_KEY}. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("opsgenie");
    }

    /**
     * Reads {@code opsgenie://API_KEY[?region=eu&timeout=10s]}: {@code region} {@code us} (the
     * default) or {@code eu} chooses the API's address.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, URL_FORM);
        if (!parsed.pathParts().isEmpty()) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (nothing after the API key)");
        }
        for (String key : parsed.query().keySet()) {
            if (!Set.of("region", ChannelSettings.TIMEOUT).contains(key)) {
                throw new IllegalArgumentException("expected a URL of the form " + URL_FORM
                        + " (unknown parameter '" + key + "')");
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(OpsgenieSettings.API_KEY, parsed.authority());
        switch (parsed.parameter("region").orElse("us")) {
            case "us" -> { }
            case "eu" -> settings.put(OpsgenieSettings.API_URL, OpsgenieSettings.EU_API_URL);
            default -> throw new IllegalArgumentException("expected a URL of the form " + URL_FORM
                    + " (region must be us or eu)");
        }
        parsed.parameter(ChannelSettings.TIMEOUT).ifPresent(timeout -> settings.put(ChannelSettings.TIMEOUT, timeout));
        return settings;
    }

    @Override
    public String toString() {
        return "OpsgenieNotifierProvider[" + ID + "]";
    }
}
