package io.ringwatch.notifiers.ntfy;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of an ntfy channel, read and checked. The topic (on a public server, whoever
 * knows it can read it), the access token and the password are secrets: {@link #toString()}
 * shows none of them. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param server the server's base URL, {@code https://ntfy.sh} unless set
 * @param topic the topic
 * @param authorization the {@code Authorization} header's value, or empty to publish anonymously
 * @param timeout how long one delivery may take
 */
record NtfySettings(String channel, URI server, String topic, Optional<String> authorization, Duration timeout) {
    static final String SERVER = "server";
    static final String TOPIC = "topic";
    static final String TOKEN = "token";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String DEFAULT_SERVER = "https://ntfy.sh";

    /** What ntfy accepts as a topic name. */
    private static final Pattern TOPIC_FORM = Pattern.compile("[-_A-Za-z0-9]{1,64}");
    private static final Pattern TOKEN_FORM = Pattern.compile("[\\x21-\\x7E]{1,1000}");

    NtfySettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code topic} (required), {@code server}, {@code token}, or {@code username} with
     * {@code password}, and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown, or if both a token and a user are given
     */
    static NtfySettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, "ntfy", Set.of(SERVER, TOPIC, TOKEN, USERNAME, PASSWORD));
        URI server = channel.httpUrl(SERVER, DEFAULT_SERVER);
        String topic = channel.required(TOPIC);
        if (!isTopic(topic)) {
            throw channel.invalid(TOPIC, "must be 1 to 64 letters, digits, '-' or '_'");
        }
        Optional<String> token = channel.optional(TOKEN);
        Optional<String> username = channel.optional(USERNAME);
        Optional<String> password = channel.optional(PASSWORD);
        if (token.isPresent() && (username.isPresent() || password.isPresent())) {
            throw channel.invalid(TOKEN, "cannot be given with 'username' and 'password': use one way to log in");
        }
        if (username.isPresent() != password.isPresent()) {
            throw channel.invalid(username.isPresent() ? PASSWORD : USERNAME, "is required with '"
                    + (username.isPresent() ? USERNAME : PASSWORD) + "'");
        }
        if (token.isPresent() && !TOKEN_FORM.matcher(token.get()).matches()) {
            throw channel.invalid(TOKEN, "must be an access token (tk_…): printable ASCII without spaces");
        }
        if (username.isPresent() && username.get().contains(":")) {
            throw channel.invalid(USERNAME, "must not hold ':'");
        }
        Optional<String> authorization = token.map(value -> "Bearer " + value)
                .or(() -> username.map(user -> "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password.orElseThrow()).getBytes(UTF_8))));
        return new NtfySettings(settings.channel(), server, topic, authorization, channel.timeout());
    }

    /** Whether {@code name} is a topic name ntfy accepts: 1 to 64 letters, digits, '-' or '_'. */
    static boolean isTopic(String name) {
        return TOPIC_FORM.matcher(name).matches();
    }

    /** {@code {server}/{topic}}: it holds the topic, so it is never shown. */
    URI topicUrl() {
        return topicUrl(topic);
    }

    /** {@code {server}/{name}} for another topic (a contact's) on the same server; never shown either. */
    URI topicUrl(String name) {
        String base = server.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + name);
    }

    /** How the channel logs in, for {@link #toString()}: {@code token}, {@code password} or {@code none}. */
    String login() {
        return authorization.map(value -> value.startsWith("Bearer ") ? "token" : "password").orElse("none");
    }

    /** The server's scheme, host and port: {@code https://ntfy.sh:443}. */
    String origin() {
        return ChannelHttp.origin(server);
    }

    /** Shows the channel, the server's origin, how it logs in and the timeout; never the topic or a secret. */
    @Override
    public String toString() {
        return "NtfySettings[channel=" + channel + ", server=" + origin() + ", login=" + login() + ", timeout=" + timeout + "]";
    }
}
