package io.ringwatch.samples.host;

import io.ringwatch.api.NotifierSettings;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of a desk channel, read and checked. Every error names the channel and the
 * setting, never the value (a value may be anything the user typed, a secret included).
 * Immutable.
 *
 * @param channel the channel's name, as configured
 * @param prefix what each line starts with, in brackets; the channel's name unless set
 * @param stream where the lines go
 */
record DeskSettings(String channel, String prefix, Stream stream) {
    /** Setting: what each line starts with (optional; the channel's name by default). */
    static final String PREFIX = "prefix";
    /** Setting: {@code stdout} (default) or {@code stderr}. */
    static final String STREAM = "stream";
    /** The longest prefix accepted. */
    static final int MAX_PREFIX_LENGTH = 40;

    private static final Set<String> KEYS = Set.of(PREFIX, STREAM);

    /** Where the desk's lines go. */
    enum Stream {
        STDOUT, STDERR;

        String settingValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalArgumentException naming the channel and the setting if a setting is
     *         unknown, the prefix is blank, too long or not printable, or the stream is neither
     *         {@code stdout} nor {@code stderr}
     */
    static DeskSettings from(NotifierSettings settings) {
        String channel = settings.channel();
        for (String key : settings.keys()) {
            if (!KEYS.contains(key)) {
                throw invalid(channel, key, "is not a setting of a desk channel; its settings are " + new TreeSet<>(KEYS));
            }
        }
        return new DeskSettings(channel, prefix(settings), stream(settings));
    }

    private static String prefix(NotifierSettings settings) {
        String prefix = settings.get(PREFIX).map(String::strip).orElse(settings.channel());
        if (prefix.isEmpty()) {
            throw invalid(settings.channel(), PREFIX, "is blank: leave it out to use the channel's name");
        }
        if (prefix.length() > MAX_PREFIX_LENGTH || prefix.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid(settings.channel(), PREFIX, "must be one line of at most " + MAX_PREFIX_LENGTH
                    + " printable characters");
        }
        return prefix;
    }

    private static Stream stream(NotifierSettings settings) {
        String value = settings.get(STREAM).map(v -> v.strip().toUpperCase(Locale.ROOT)).orElse(Stream.STDOUT.name());
        for (Stream stream : Stream.values()) {
            if (stream.name().equals(value)) {
                return stream;
            }
        }
        throw invalid(settings.channel(), STREAM, "must be stdout or stderr");
    }

    private static IllegalArgumentException invalid(String channel, String key, String problem) {
        return new IllegalArgumentException("channel '" + channel + "': setting '" + key + "' " + problem);
    }
}
