package io.ringwatch.notifiers.gotify;

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
 * Provides the {@code gotify} channel: each notification is pushed to a Gotify server as a
 * message of one application. Settings:
 * <ul>
 *   <li>{@code server} (required): the server's base URL, with a path if Gotify is served under one;</li>
 *   <li>{@code token} (required, a secret): the application's token (Apps, in Gotify's web UI);</li>
 *   <li>{@code timeout} (optional, default 10 s).</li>
 * </ul>
 * As a channel URL: {@code gotifys://host[:port][/path]/TOKEN} (https; {@code gotify://} for
 * plain http), {@code timeout} allowed in the query. An unknown setting is rejected. Thread-safe,
 * as are its notifiers.
 */
public final class GotifyNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "gotify";
    static final String URL_FORM = "gotifys://host[:port][/path]/TOKEN[?timeout=10s]";

    /** Needed by {@link java.util.ServiceLoader}. */
    public GotifyNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a gotify notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new GotifyNotifier(GotifySettings.from(Objects.requireNonNull(settings, "settings")));
    }

    /** {@code gotifys} (https) and {@code gotify} (http), as Apprise writes them. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("gotify", "gotifys");
    }

    /**
     * Reads {@code gotifys://push.example.com/gotify/AbCdEf123}: the server (with any path before
     * the last part), then the application token as the last part of the path.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, URL_FORM);
        List<String> path = parsed.pathParts();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (the token after the host)");
        }
        if (parsed.authority().contains("@")) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (no user before the host)");
        }
        String scheme = parsed.scheme().equals("gotifys") ? "https" : "http";
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(GotifySettings.SERVER, scheme + "://" + parsed.authority()
                + path.subList(0, path.size() - 1).stream().map(part -> "/" + part).reduce("", String::concat));
        settings.put(GotifySettings.TOKEN, path.get(path.size() - 1));
        parsed.query().forEach(settings::putIfAbsent);
        return settings;
    }

    @Override
    public String toString() {
        return "GotifyNotifierProvider[" + ID + "]";
    }
}
