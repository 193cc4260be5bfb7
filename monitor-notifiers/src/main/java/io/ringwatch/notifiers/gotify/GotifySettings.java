package io.ringwatch.notifiers.gotify;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a gotify channel, read and checked. The application token is a secret:
 * {@link #toString()} never shows it. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param server the server's base URL, with its path if Gotify is served under one
 * @param token the application's token
 * @param timeout how long one delivery may take
 */
record GotifySettings(String channel, URI server, String token, Duration timeout) {
    static final String SERVER = "server";
    static final String TOKEN = "token";

    private static final Pattern TOKEN_FORM = Pattern.compile("[\\x21-\\x7E]{1,1000}");

    GotifySettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code server} and {@code token} (required) and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     */
    static GotifySettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, "gotify", Set.of(SERVER, TOKEN));
        URI server = channel.httpUrl(SERVER);
        String token = channel.required(TOKEN);
        if (!TOKEN_FORM.matcher(token).matches()) {
            throw channel.invalid(TOKEN, "must be an application token: printable ASCII without spaces");
        }
        return new GotifySettings(settings.channel(), server, token, channel.timeout());
    }

    /** {@code {server}/message}. */
    URI messageUrl() {
        String base = server.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "message");
    }

    /** The server's scheme, host and port: {@code https://push.example.com:443}. */
    String origin() {
        return ChannelHttp.origin(server);
    }

    /** Shows the channel, the server's origin and the timeout; never the token. */
    @Override
    public String toString() {
        return "GotifySettings[channel=" + channel + ", server=" + origin() + ", timeout=" + timeout + "]";
    }
}
