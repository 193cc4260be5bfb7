package io.ringwatch.notifiers.pushover;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code pushover} channel: each notification goes to a Pushover user or group, or to
 * a contact's own user or group key.
 * Settings:
 * <ul>
 *   <li>{@code user-key} (required, a secret): the user's or group's key;</li>
 *   <li>{@code app-token} (required, a secret): the application's API token;</li>
 *   <li>{@code device} (optional): device names, separated by commas; all devices by default;</li>
 *   <li>{@code sound} (optional): a Pushover sound; the user's choice by default;</li>
 *   <li>{@code emergency} (optional, default false): {@code true} sends DOWN alerts and escalations
 *       with emergency priority, repeated every {@code retry} (default 60s, at least 30s) for
 *       {@code expire} (default 1h, at most 3h) until acknowledged in the app;</li>
 *   <li>{@code api-url} (optional, default {@code https://api.pushover.net}), for tests;</li>
 *   <li>{@code timeout} (optional, default 10 s).</li>
 * </ul>
 * As a channel URL: {@code pover://USER_KEY@APP_TOKEN[/DEVICE]}, the other settings allowed in
 * the query. An unknown setting is rejected. Thread-safe, as are its notifiers.
 */
public final class PushoverNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "pushover";
    static final String URL_FORM = "pover://USER_KEY@APP_TOKEN[/DEVICE][?sound=siren&emergency=true]";

    /** Needed by {@link java.util.ServiceLoader}. */
    public PushoverNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a pushover notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new PushoverNotifier(PushoverSettings.from(Objects.requireNonNull(settings, "settings")));
    }

    /** {@code pover}, as Apprise writes it. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("pover");
    }

    /**
     * Reads {@code pover://uQiRzpo4DXghDmr9QzzfQu27cmVRsG@azGDORePK8gMaC0QOYAMyEEuzJnyUi/phone?emergency=true}:
     * the user key, {@code @}, the application token, then optionally the device.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, URL_FORM);
        String authority = parsed.authority();
        int at = authority.indexOf('@');
        if (at <= 0 || at == authority.length() - 1 || authority.indexOf('@', at + 1) >= 0) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (the user key, '@', then the token)");
        }
        List<String> path = parsed.pathParts();
        if (path.size() > 1) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (at most one device after the token)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(PushoverSettings.USER_KEY, authority.substring(0, at));
        settings.put(PushoverSettings.APP_TOKEN, authority.substring(at + 1));
        if (!path.isEmpty()) {
            settings.put(PushoverSettings.DEVICE, path.get(0));
        }
        parsed.query().forEach(settings::putIfAbsent);
        return settings;
    }

    @Override
    public String toString() {
        return "PushoverNotifierProvider[" + ID + "]";
    }
}
