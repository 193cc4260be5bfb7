package io.ringwatch.samples.host;

import io.ringwatch.api.NotifierSettings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of a desk channel, read and checked, given one by one or as a channel URL
 * ({@code desk://stderr?prefix=night%20shift}). Every error names the channel and the setting,
 * never the value (a value may be anything the user typed, a secret included). Immutable.
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
    /** The scheme of a desk channel URL. */
    static final String SCHEME = "desk";
    /** The form of a desk channel URL, for messages. */
    static final String URL_FORM = "desk://STREAM[?prefix=TEXT], STREAM being stdout or stderr";

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

    /**
     * The settings a channel URL stands for: {@code desk://stderr?prefix=night%20shift} is
     * {@code stream=stderr} and {@code prefix=night shift}. Only the form is checked here;
     * {@link #from} checks the values, as for settings given one by one.
     *
     * @throws IllegalArgumentException if the URL is not of the form {@value #URL_FORM}; the
     *         message gives the form and never quotes the URL
     */
    static Map<String, String> settingsOf(String url) {
        String start = SCHEME + "://";
        if (!url.regionMatches(true, 0, start, 0, start.length())) {
            throw notADeskUrl("");
        }
        String rest = url.substring(start.length());
        int query = rest.indexOf('?');
        String stream = query < 0 ? rest : rest.substring(0, query);
        if (stream.isEmpty() || stream.contains("/")) {
            throw notADeskUrl(" (one stream after desk://, no path)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(STREAM, stream);
        for (String parameter : query < 0 ? new String[0] : rest.substring(query + 1).split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            if (equals < 0 || !decode(parameter.substring(0, equals)).equals(PREFIX)) {
                throw notADeskUrl(" (prefix is its only parameter)");
            }
            settings.put(PREFIX, decode(parameter.substring(equals + 1)));
        }
        return settings;
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

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw notADeskUrl(" (a malformed %-escape)"); // URLDecoder's message quotes the text
        }
    }

    private static IllegalArgumentException notADeskUrl(String detail) {
        return new IllegalArgumentException("expected a URL of the form " + URL_FORM + detail);
    }

    private static IllegalArgumentException invalid(String channel, String key, String problem) {
        return new IllegalArgumentException("channel '" + channel + "': setting '" + key + "' " + problem);
    }
}
