package io.ringwatch.notifiers.console;

import io.ringwatch.api.Notification;
import io.ringwatch.api.NotifierSettings;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The settings of a console channel, read and checked: where to write and how much.
 *
 * @param channel the channel's name
 * @param stream {@code stdout} or {@code stderr}
 * @param format {@code text} or {@code headline}
 */
record ConsoleSettings(String channel, Stream stream, Format format) {
    static final String STREAM = "stream";
    static final String FORMAT = "format";
    private static final Set<String> KEYS = Set.of(STREAM, FORMAT);

    /** Where the notifications go. */
    enum Stream {
        STDOUT, STDERR;

        String settingValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How much of each notification is written. */
    enum Format {
        /** {@link Notification#text()}: the headline, who saw it and why, the incident. */
        TEXT(Notification::text),
        /** {@link Notification#headline()} only, one line per notification. */
        HEADLINE(Notification::headline);

        private final Function<Notification, String> render;

        Format(Function<Notification, String> render) {
            this.render = render;
        }

        String render(Notification notification) {
            return render.apply(notification);
        }
    }

    /**
     * Reads {@code stream} (default {@code stdout}) and {@code format} (default {@code text}),
     * ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the channel and the setting if a value is not
     *         one of those allowed or a setting is unknown (the value itself is never shown)
     */
    static ConsoleSettings from(NotifierSettings settings) {
        for (String key : settings.keys()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("channel '" + settings.channel() + "': unknown setting '" + key
                        + "' for a console channel; known settings: " + new TreeSet<>(KEYS));
            }
        }
        return new ConsoleSettings(settings.channel(),
                read(settings, STREAM, Stream.class, Stream.STDOUT),
                read(settings, FORMAT, Format.class, Format.TEXT));
    }

    private static <E extends Enum<E>> E read(NotifierSettings settings, String key, Class<E> type, E fallback) {
        String value = settings.get(key).map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse(null);
        if (value == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        Set<String> allowed = new TreeSet<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException("channel '" + settings.channel() + "': setting '" + key
                + "' must be one of " + String.join(", ", allowed));
    }
}
