package io.ringwatch.notifiers.card;

import io.ringwatch.notifiers.channel.ChannelUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks shared by the chat channels' URL forms. Messages name parameters, never values: the
 * URL holds secrets. Thread-safe: no state.
 */
public final class UrlParts {
    private UrlParts() {
    }

    /**
     * Refuses a query parameter that is not one of {@code known}.
     *
     * @throws IllegalArgumentException {@code unknown parameter 'x' in a slack:// URL; known parameters: [timeout]}
     */
    public static void onlyParameters(ChannelUrl url, Set<String> known) {
        for (String key : url.query().keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown parameter '" + key + "' in a " + url.scheme()
                        + ":// URL; known parameters: " + new TreeSet<>(known));
            }
        }
    }

    /**
     * The user name before an {@code @} in the authority, %-decoded, if there is one.
     *
     * @throws IllegalArgumentException if it has a malformed %-escape
     */
    public static Optional<String> user(ChannelUrl url) {
        int at = url.authority().lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(URLDecoder.decode(url.authority().substring(0, at).replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
            throw new IllegalArgumentException("the user name of the URL has a malformed %-escape"); // its message quotes it
        }
    }

    /** The authority after any {@code user@}: a host and port, or a token. */
    public static String host(ChannelUrl url) {
        return url.authority().substring(url.authority().lastIndexOf('@') + 1);
    }
}
