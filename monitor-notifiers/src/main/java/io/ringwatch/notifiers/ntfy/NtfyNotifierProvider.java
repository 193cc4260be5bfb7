package io.ringwatch.notifiers.ntfy;

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
 * Provides the {@code ntfy} channel: each notification is published to one ntfy topic, or to a
 * contact's own topic on the same server. Settings:
 * <ul>
 *   <li>{@code topic} (required, a secret on a public server): 1 to 64 letters, digits, '-', '_';</li>
 *   <li>{@code server} (optional, default {@code https://ntfy.sh}): the server's base URL;</li>
 *   <li>{@code token} (optional, a secret): an access token, sent as a bearer token; or</li>
 *   <li>{@code username} and {@code password} (optional, the password a secret): sent as basic auth;</li>
 *   <li>{@code timeout} (optional, default 10 s).</li>
 * </ul>
 * As a channel URL: {@code ntfys://[user:password@|token@]host[:port]/topic} (https;
 * {@code ntfy://} for plain http), or {@code ntfy://topic} for a topic on ntfy.sh; {@code token}
 * and {@code timeout} allowed in the query. An unknown setting is rejected. Thread-safe, as are
 * its notifiers.
 */
public final class NtfyNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "ntfy";
    static final String URL_FORM = "ntfys://[user:password@|token@]host[:port]/topic or ntfy://topic";

    /** Needed by {@link java.util.ServiceLoader}. */
    public NtfyNotifierProvider() {
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes an ntfy notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new NtfyNotifier(NtfySettings.from(Objects.requireNonNull(settings, "settings")));
    }

    /** {@code ntfys} (https) and {@code ntfy} (http), as Apprise writes them. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("ntfy", "ntfys");
    }

    /**
     * Reads {@code ntfys://alice:pw@ntfy.example.com/alerts}, {@code ntfys://tk_token@ntfy.example.com/alerts},
     * {@code ntfy://127.0.0.1:8080/alerts} or, for a topic on ntfy.sh, {@code ntfy://alerts}.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, URL_FORM);
        List<String> path = parsed.pathParts();
        Map<String, String> settings = new LinkedHashMap<>();
        if (path.isEmpty()) {
            if (parsed.authority().contains("@") || parsed.authority().contains(":")) {
                throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (a topic after the host)");
            }
            settings.put(NtfySettings.TOPIC, parsed.authority()); // ntfy://topic: the public server
        } else if (path.size() == 1) {
            String authority = parsed.authority();
            int at = authority.lastIndexOf('@');
            if (at == 0 || at == authority.length() - 1) {
                throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (nothing before or after '@')");
            }
            if (at > 0) {
                String login = authority.substring(0, at);
                int colon = login.indexOf(':');
                if (colon < 0) {
                    settings.put(NtfySettings.TOKEN, login);
                } else {
                    settings.put(NtfySettings.USERNAME, login.substring(0, colon));
                    settings.put(NtfySettings.PASSWORD, login.substring(colon + 1));
                }
            }
            String scheme = parsed.scheme().equals("ntfys") ? "https" : "http";
            settings.put(NtfySettings.SERVER, scheme + "://" + authority.substring(at + 1));
            settings.put(NtfySettings.TOPIC, path.get(0));
        } else {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (one topic after the host)");
        }
        parsed.query().forEach(settings::putIfAbsent);
        return settings;
    }

    @Override
    public String toString() {
        return "NtfyNotifierProvider[" + ID + "]";
    }
}
