package io.ringwatch.notifiers.matrix;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a matrix channel, read and checked. The access token is a secret:
 * {@link #toString()} never shows it. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param homeserver the homeserver's base URL, such as {@code https://matrix.example.org}
 * @param accessToken the sending user's access token
 * @param roomId the room's id, {@code !opaque:example.org} (or {@code !opaque} from room version 12)
 * @param timeout how long one delivery, or one request beyond a sync's long poll, may take
 * @param receive whether the channel also receives messages in the rooms the user has joined
 */
record MatrixSettings(String channel, URI homeserver, String accessToken, String roomId, Duration timeout,
        boolean receive) {
    static final String HOMESERVER = "homeserver";
    static final String ACCESS_TOKEN = "access-token";
    static final String ROOM_ID = "room-id";
    static final String RECEIVE = "receive";

    /** Printable ASCII without spaces: what a header value and an opaque id can hold. */
    private static final Pattern TOKEN_FORM = Pattern.compile("[\\x21-\\x7E]{1,1000}");
    private static final Pattern ROOM_FORM = Pattern.compile("![\\x21-\\x7E]{1,254}");

    MatrixSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(homeserver, "homeserver");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code homeserver}, {@code access-token} and {@code room-id} (required), {@code timeout}
     * and {@code receive} ({@code true} or {@code false}, the default).
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     */
    static MatrixSettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, "matrix", Set.of(HOMESERVER, ACCESS_TOKEN, ROOM_ID, RECEIVE));
        URI homeserver = channel.httpUrl(HOMESERVER);
        String token = channel.required(ACCESS_TOKEN);
        if (!TOKEN_FORM.matcher(token).matches()) {
            throw channel.invalid(ACCESS_TOKEN, "must be an access token: printable ASCII without spaces");
        }
        String roomId = channel.required(ROOM_ID);
        Optional<String> problem = problemWithRoom(roomId);
        if (problem.isPresent()) {
            throw channel.invalid(ROOM_ID, problem.get());
        }
        return new MatrixSettings(settings.channel(), homeserver, token, roomId, channel.timeout(), receive(channel));
    }

    private static boolean receive(ChannelSettings channel) {
        Optional<String> text = channel.optional(RECEIVE).map(value -> value.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return false;
        }
        return switch (text.get()) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw channel.invalid(RECEIVE, "must be true or false");
        };
    }

    /**
     * What is wrong with {@code roomId} as a room id, said after the setting or the contact's
     * address ({@code must be a room id such as !abcdefgh:example.org}); empty if nothing is.
     */
    static Optional<String> problemWithRoom(String roomId) {
        if (roomId.startsWith("#")) {
            return Optional.of("must be a room id starting with '!', not an alias starting with '#' "
                    + "(Element shows the id under Room settings, Advanced)");
        }
        if (!ROOM_FORM.matcher(roomId).matches()) {
            return Optional.of("must be a room id such as !abcdefgh:example.org");
        }
        return Optional.empty();
    }

    /**
     * {@code {homeserver}/_matrix/client/v3/rooms/{roomId}/send/m.room.message/{txnId}}, both ids
     * percent-encoded; {@code roomId} is the channel's room or a contact's.
     */
    URI sendUrl(String roomId, String txnId) {
        return api("rooms/" + PathSegment.encode(roomId) + "/send/m.room.message/" + PathSegment.encode(txnId));
    }

    /**
     * {@code {homeserver}/_matrix/client/v3/rooms/{roomId}/event/{eventId}}, both ids
     * percent-encoded: one event of a room the user has joined.
     */
    URI eventUrl(String roomId, String eventId) {
        return api("rooms/" + PathSegment.encode(roomId) + "/event/" + PathSegment.encode(eventId));
    }

    /** {@code {homeserver}/_matrix/client/v3/account/whoami}: who the access token's user is. */
    URI whoamiUrl() {
        return api("account/whoami");
    }

    /**
     * {@code {homeserver}/_matrix/client/v3/sync?filter=…&timeout=…[&since=…]}: the events after
     * {@code since} (none: only the position to start from), waiting up to {@code waitMillis} for one.
     */
    URI syncUrl(Optional<String> since, String filter, long waitMillis) {
        return api("sync?filter=" + PathSegment.encode(filter) + "&timeout=" + waitMillis
                + since.map(token -> "&since=" + PathSegment.encode(token)).orElse(""));
    }

    private URI api(String rest) {
        String base = homeserver.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "_matrix/client/v3/" + rest);
    }

    /** The homeserver's scheme, host and port: {@code https://matrix.example.org:443}. */
    String origin() {
        return ChannelHttp.origin(homeserver);
    }

    /** Shows the channel, the room, the homeserver's origin and the timeout; never the token. */
    @Override
    public String toString() {
        return "MatrixSettings[channel=" + channel + ", room=" + roomId + ", homeserver=" + origin() + ", timeout=" + timeout
                + (receive ? ", receiving" : "") + "]";
    }
}
