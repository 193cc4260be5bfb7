package io.ringwatch.agent.config;

import io.ringwatch.api.NotifierSettings;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A notification channel, as configured. Its settings are secrets: {@link #toString()} shows
 * their keys only. Immutable.
 *
 * @param name the channel's name, unique in the file
 * @param provider the id of the notifier provider that makes it, such as {@code webhook}
 * @param settings what is handed to the provider, in key order
 */
public record ChannelEntry(String name, String provider, Map<String, String> settings) {

    /** @throws NullPointerException if an argument, a key or a value is null */
    public ChannelEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        settings.values().forEach(value -> Objects.requireNonNull(value, "setting value"));
    }

    /** The settings as the provider takes them. */
    public NotifierSettings notifierSettings() {
        return NotifierSettings.of(name, settings);
    }

    /** Shows the setting keys, never their values. */
    @Override
    public String toString() {
        return "ChannelEntry[name=" + name + ", provider=" + provider + ", settings=" + settings.keySet() + "]";
    }
}
