package io.ringwatch.notifiers.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.OneLine;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpAnswer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The requests of one matrix channel to its homeserver, authenticated with the access token as a
 * bearer token: putting an event into a room, asking who the token's user is, fetching one event,
 * and syncing. A non-2xx
 * answer is a {@link MatrixRefusal} naming the channel, the status and the homeserver's
 * {@code errcode} and {@code error}, never the token or a contact's room. Thread-safe.
 */
final class MatrixClient {
    static final String PROVIDER = "the Matrix homeserver";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 200;

    private final MatrixSettings settings;
    private final ChannelHttp http;
    private final ChannelHttp syncHttp;
    private final Duration syncWait;

    /**
     * @param http the channel's HTTP client, bounded by its timeout
     * @param syncWait how long a sync waits for an event; the sync's HTTP exchange may take that
     *        and the channel's timeout
     */
    MatrixClient(MatrixSettings settings, ChannelHttp http, Duration syncWait) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = Objects.requireNonNull(http, "http");
        this.syncWait = Objects.requireNonNull(syncWait, "syncWait");
        this.syncHttp = settings.receive() ? new ChannelHttp(settings.channel(), settings.timeout().plus(syncWait)) : null;
    }

    /**
     * Puts an {@code m.room.message} event with {@code content} into {@code roomId}.
     *
     * @param unshown values a failure's message must not quote, besides the token
     * @return the event's id, empty if the homeserver did not say it
     * @throws IOException if the homeserver refuses the event, does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    String send(String roomId, String txnId, byte[] content, List<String> unshown) throws IOException, InterruptedException {
        HttpRequest request = authorized(http, settings.sendUrl(roomId, txnId))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                .build();
        HttpAnswer answer = http.send(request, PROVIDER);
        if (!answer.isSuccess()) {
            throw refusal(answer, unshown);
        }
        JsonNode body = parsed(answer.body());
        return body == null ? "" : body.path("event_id").asText(""); // any 2xx is a delivery
    }

    /**
     * The user id of the access token's user, {@code @bot:example.org}.
     *
     * @throws IOException as {@link #send}, or if the answer holds no user id
     * @throws InterruptedException if the calling thread is interrupted
     */
    String whoami() throws IOException, InterruptedException {
        HttpRequest request = authorized(http, settings.whoamiUrl()).GET().build();
        String userId = json(http.send(request, PROVIDER), List.of()).path("user_id").asText("");
        if (userId.isEmpty()) {
            throw new IOException("channel '" + settings.channel() + "': " + PROVIDER + " did not say who the user is");
        }
        return userId;
    }

    /**
     * The event {@code eventId} of the room {@code roomId}, as the homeserver gives it to a member
     * of the room ({@code GET /rooms/{roomId}/event/{eventId}}): {@code type}, {@code sender},
     * {@code content} and the rest.
     *
     * @throws IOException as {@link #send}, never quoting the room: a {@link MatrixRefusal} with
     *         status 404 ({@code M_NOT_FOUND}) if there is no such event or the user may not see it
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    JsonNode event(String roomId, String eventId) throws IOException, InterruptedException {
        HttpRequest request = authorized(http, settings.eventUrl(roomId, eventId)).GET().build();
        return json(http.send(request, PROVIDER), List.of(roomId));
    }

    /**
     * The events after {@code since} that {@code filter} lets through, waiting up to the sync wait
     * for one; without {@code since}, the position to start from.
     *
     * @throws IOException as {@link #send}, or if the answer is not a JSON object (one too large
     *         to be read whole is not)
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    JsonNode sync(Optional<String> since, String filter) throws IOException, InterruptedException {
        if (syncHttp == null) {
            throw new IllegalStateException("channel '" + settings.channel() + "' does not receive");
        }
        long waitMillis = since.isPresent() ? syncWait.toMillis() : 0;
        HttpRequest request = authorized(syncHttp, settings.syncUrl(since, filter, waitMillis)).GET().build();
        return json(syncHttp.send(request, PROVIDER), List.of());
    }

    private HttpRequest.Builder authorized(ChannelHttp client, URI url) {
        return client.request(url).header("Authorization", "Bearer " + settings.accessToken());
    }

    /** The 2xx answer's JSON object. */
    private JsonNode json(HttpAnswer answer, List<String> unshown) throws IOException {
        if (!answer.isSuccess()) {
            throw refusal(answer, unshown);
        }
        JsonNode body = parsed(answer.body());
        if (body == null) {
            throw new Unreadable("channel '" + settings.channel() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + " with something other than a JSON object of at most " + ChannelHttp.MAX_ANSWER_BYTES + " bytes");
        }
        return body;
    }

    /** The JSON object {@code body} holds; null if it is not one. */
    private static JsonNode parsed(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** {@code channel 'x': the Matrix homeserver answered HTTP 403: M_FORBIDDEN: You are not in this room}. */
    private MatrixRefusal refusal(HttpAnswer answer, List<String> unshown) {
        JsonNode error = parsed(answer.body());
        String prefix = "channel '" + settings.channel() + "': " + PROVIDER + " answered HTTP " + answer.status();
        if (error == null) {
            return new MatrixRefusal(prefix, answer.status(), Optional.empty());
        }
        String text = String.join(": ", error.path("errcode").asText(""), error.path("error").asText(""))
                .replaceAll("^: |: $", "");
        text = text.replace(settings.accessToken(), "…");
        for (String value : unshown) {
            text = text.replace(value, "…");
        }
        JsonNode retry = error.path("retry_after_ms");
        Optional<Duration> retryAfter = retry.canConvertToLong() && retry.asLong() >= 0
                ? Optional.of(Duration.ofMillis(retry.asLong())) : Optional.empty();
        String retryText = retryAfter.map(after -> " (retry after " + after.toMillis() + " ms)").orElse("");
        return new MatrixRefusal(prefix + (text.isBlank() ? "" : ": " + OneLine.of(text, MAX_ERROR)) + retryText,
                answer.status(), retryAfter);
    }

    /** A 2xx answer that is not a JSON object, or one too large to be read whole. */
    static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "MatrixClient[channel=" + settings.channel() + ", homeserver=" + settings.origin() + "]";
    }
}
