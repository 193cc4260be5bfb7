package io.ringwatch.agent.config;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.OneLine;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A notification channel, as configured: a provider and its settings, or one channel URL (such
 * as {@code tgram://TOKEN/CHAT_ID}) that a provider reads. Its settings and its URL are secrets:
 * {@link #toString()} shows the setting keys and the URL's scheme only. Immutable.
 *
 * @param name the channel's name, unique in the file
 * @param provider the id of the notifier provider that makes it, such as {@code webhook}; empty for a URL channel
 * @param settings what is handed to the provider, in key order; empty for a URL channel
 * @param url the channel's URL, for a channel given as one
 * @param failover the channel that stands in when this one keeps failing, if any
 */
public record ChannelEntry(String name, String provider, Map<String, String> settings, Optional<String> url,
        Optional<String> failover) {

    /** @throws NullPointerException if an argument, a key or a value is null */
    public ChannelEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(failover, "failover");
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        settings.values().forEach(value -> Objects.requireNonNull(value, "setting value"));
    }

    /** A channel made by a provider from settings. */
    public ChannelEntry(String name, String provider, Map<String, String> settings) {
        this(name, provider, settings, Optional.empty(), Optional.empty());
    }

    /** A channel given as one URL. */
    public static ChannelEntry ofUrl(String name, String url) {
        return new ChannelEntry(name, "", Map.of(), Optional.of(url), Optional.empty());
    }

    /** This channel with {@code standby} standing in when it keeps failing. */
    public ChannelEntry withFailover(String standby) {
        return new ChannelEntry(name, provider, settings, url, Optional.of(standby));
    }

    /** The settings as the provider takes them. */
    public NotifierSettings notifierSettings() {
        return NotifierSettings.of(name, settings);
    }

    /** What makes it, for people: the provider's id, or {@code tgram URL} for a channel given as a URL. */
    public String kind() {
        return url.map(text -> scheme(text) + " URL").orElse(provider);
    }

    /** Shows the setting keys and the URL's scheme, never a value. */
    @Override
    public String toString() {
        return "ChannelEntry[name=" + name + ", " + url.map(text -> "url=" + scheme(text) + "://…")
                .orElse("provider=" + provider + ", settings=" + settings.keySet())
                + failover.map(standby -> ", failover=" + standby).orElse("") + "]";
    }

    private static String scheme(String url) {
        int colon = url.indexOf("://");
        return colon > 0 ? OneLine.of(url.substring(0, colon), 20) : "?";
    }
}
