package io.ringwatch.notifiers.channel;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A channel given as one URL, such as {@code tgram://123456:ABC-token/-1001234?silent=yes},
 * taken apart without {@link java.net.URI}: tokens hold characters a URI refuses, and URI's
 * messages would quote the URL. Errors never show the URL: they say which part is wrong and
 * what form was expected. Immutable.
 *
 * @param scheme the scheme, in lower case
 * @param authority what comes between {@code ://} and the first {@code /} or {@code ?}: a host
 *        and port, or {@code user:password@host}, or a token
 * @param path the path, starting with {@code /}, or empty
 * @param query the query parameters, decoded, in order; a key given twice keeps its last value
 */
public record ChannelUrl(String scheme, String authority, String path, Map<String, String> query) {

    /** @throws NullPointerException if an argument is null */
    public ChannelUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(path, "path");
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /**
     * Takes a channel URL apart.
     *
     * @param form the expected form, for the error message, such as {@code tgram://TOKEN/CHAT_ID}
     * @throws IllegalArgumentException if it has no scheme or nothing after {@code ://}
     */
    public static ChannelUrl parse(String url, String form) {
        Objects.requireNonNull(url, "url");
        int colon = url.indexOf("://");
        if (colon <= 0 || colon + 3 >= url.length()) {
            throw new IllegalArgumentException("expected a URL of the form " + form);
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = url.substring(colon + 3);
        int queryStart = rest.indexOf('?');
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        Map<String, String> query = new LinkedHashMap<>();
        if (queryStart >= 0) {
            for (String pair : rest.substring(queryStart + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    query.put(decode(equals < 0 ? pair : pair.substring(0, equals)), equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
        }
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String path = slash < 0 ? "" : beforeQuery.substring(slash);
        if (authority.isEmpty()) {
            throw new IllegalArgumentException("expected a URL of the form " + form + " (nothing after ://)");
        }
        return new ChannelUrl(scheme, authority, path, query);
    }

    /** The path's parts between slashes, decoded, empty ones left out: {@code /a//b/} gives {@code [a, b]}. */
    public List<String> pathParts() {
        List<String> parts = new ArrayList<>();
        Arrays.stream(path.split("/")).filter(part -> !part.isEmpty()).map(ChannelUrl::decode).forEach(parts::add);
        return parts;
    }

    /** A query parameter. */
    public Optional<String> parameter(String key) {
        return Optional.ofNullable(query.get(key));
    }

    /** The query without these keys, encoded again as {@code k=v&...}, in the original order. */
    public String queryWithout(String... keys) {
        Set<String> dropped = Set.of(keys);
        StringBuilder text = new StringBuilder();
        query.forEach((key, value) -> {
            if (!dropped.contains(key)) {
                text.append(text.length() == 0 ? "" : "&").append(encode(key)).append('=').append(encode(value));
            }
        });
        return text.toString();
    }

    /** Shows the scheme and the query's keys only: every other part may be a secret. */
    @Override
    public String toString() {
        return "ChannelUrl[" + scheme + "://…, parameters " + query.keySet() + "]";
    }

    /**
     * A part of a channel URL, such as the user name or the password before {@code @}, with its
     * %-escapes decoded; a {@code +} stays a plus.
     *
     * @param malformed the message if the part has a malformed %-escape; it must not quote the part
     * @throws IllegalArgumentException with {@code malformed} if the part has a malformed %-escape
     */
    public static String decode(String part, String malformed) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new IllegalArgumentException(malformed); // URLDecoder's message quotes the part
        }
    }

    /**
     * A query parameter's name for a message: in quotes if it looks like one ({@code 'priority'}),
     * else {@code a parameter of another form}, as it may be a token pasted in the wrong place.
     */
    public static String quotedKey(String key) {
        return key.matches("[a-z-]{1,20}") ? "'" + key + "'" : "a parameter of another form";
    }

    private static String decode(String text) {
        return decode(text, "a part of the URL has a malformed %-escape");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
