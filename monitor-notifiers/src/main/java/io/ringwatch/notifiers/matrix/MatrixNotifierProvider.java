package io.ringwatch.notifiers.matrix;

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
 * Provides the {@code matrix} channel: each notification goes to one room through the Matrix
 * client-server API, or to a contact's own room, whose id is the contact's address. Settings:
 * <ul>
 *   <li>{@code homeserver} (required): the homeserver's base URL, {@code https://matrix.example.org};</li>
 *   <li>{@code access-token} (required, a secret): the access token of the user that sends, who
 *       must have joined the room;</li>
 *   <li>{@code room-id} (required): the room's id, {@code !abcdefgh:example.org}, not an alias;</li>
 *   <li>{@code timeout} (optional, default 10 s);</li>
 *   <li>{@code receive} (optional, default false): whether people's messages in the user's rooms
 *       are received too, the room's id being the sender's address.</li>
 * </ul>
 * As a channel URL: {@code matrixs://TOKEN@host[:port]/!room:server} (https; {@code matrix://}
 * for plain http), {@code timeout} and {@code receive} allowed in the query. An unknown setting is rejected.
 * Thread-safe, as are its notifiers.
 */
public final class MatrixNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "matrix";
    static final String URL_FORM = "matrixs://TOKEN@host[:port]/!room:server[?timeout=10s&receive=true]";

    /** Needed by {@link java.util.ServiceLoader}. */
    public MatrixNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a matrix notifier named after the channel; with {@code receive: true}, one that also
     * receives once started. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        MatrixSettings matrix = MatrixSettings.from(Objects.requireNonNull(settings, "settings"));
        return create(matrix, MatrixReceiver.Timing.DEFAULT);
    }

    /** A notifier that receives too if the settings say so, pacing itself by {@code timing}. */
    static Notifier create(MatrixSettings settings, MatrixReceiver.Timing timing) {
        return new MatrixNotifier(settings, timing);
    }

    /** {@code matrixs} (https) and {@code matrix} (http), as Apprise writes them. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("matrix", "matrixs");
    }

    /**
     * Reads {@code matrixs://syt_token@matrix.example.org/!room:example.org}: the access token before
     * the {@code @}, the homeserver's host and port, then the room id (raw or percent-encoded).
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, URL_FORM);
        int at = parsed.authority().lastIndexOf('@');
        if (at <= 0 || at == parsed.authority().length() - 1) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (an access token, '@', then the host)");
        }
        List<String> path = parsed.pathParts();
        if (path.size() != 1) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (one room id after the host)");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String scheme = parsed.scheme().equals("matrixs") ? "https" : "http";
        settings.put(MatrixSettings.HOMESERVER, scheme + "://" + parsed.authority().substring(at + 1));
        settings.put(MatrixSettings.ACCESS_TOKEN, parsed.authority().substring(0, at));
        settings.put(MatrixSettings.ROOM_ID, path.get(0));
        parsed.query().forEach(settings::putIfAbsent);
        return settings;
    }

    @Override
    public String toString() {
        return "MatrixNotifierProvider[" + ID + "]";
    }
}
