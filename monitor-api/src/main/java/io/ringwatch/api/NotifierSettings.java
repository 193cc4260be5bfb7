package io.ringwatch.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The name and settings of one channel, as the user configured them. Values may be secrets,
 * so {@link #toString()} shows the keys only. Immutable and thread-safe.
 */
public final class NotifierSettings {
    private final String channel;
    private final Map<String, String> values;

    private NotifierSettings(String channel, Map<String, String> values) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Settings for the channel named {@code channel}.
     *
     * @throws NullPointerException if an argument, a key or a value is null
     */
    public static NotifierSettings of(String channel, Map<String, String> values) {
        values.forEach((key, value) -> {
            Objects.requireNonNull(key, "setting key");
            Objects.requireNonNull(value, () -> "value of setting '" + key + "'");
        });
        return new NotifierSettings(channel, values);
    }

    /** Settings with nothing in them, for the channel named {@code channel}. */
    public static NotifierSettings empty(String channel) {
        return new NotifierSettings(channel, Map.of());
    }

    /** The channel's name, as used in events and logs. */
    public String channel() {
        return channel;
    }

    /** The value of a setting, or empty if it is not set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * The value of a setting that must be there.
     *
     * @throws IllegalArgumentException naming the channel and the key if it is not set or blank
     */
    public String require(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("channel '" + channel + "': setting '" + key + "' is required");
        }
        return value;
    }

    /** The keys that are set. */
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NotifierSettings other && channel.equals(other.channel) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return channel.hashCode() * 31 + values.hashCode();
    }

    /** Shows the channel and the keys, never the values. */
    @Override
    public String toString() {
        return "NotifierSettings[channel=" + channel + ", keys=" + values.keySet() + "]";
    }
}
