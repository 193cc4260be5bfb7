package io.ringwatch.notifiers.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.Notification;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;

/**
 * Sends each notification to one Matrix room as an {@code m.room.message} event
 * ({@link MatrixMessage}), or to a contact's own room, whose id is the contact's address;
 * authenticated with the access token as a bearer token. A 2xx answer is a delivery; any other
 * makes {@link #send} throw an {@link IOException} naming the channel, the status and the
 * homeserver's {@code errcode} and {@code error}, never the token or a contact's room.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class MatrixNotifier extends HttpNotifier {
    static final String PROVIDER = "the Matrix homeserver";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 200;

    private final MatrixSettings settings;

    MatrixNotifier(MatrixSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /** True: a contact's address is the id of a room the sending user has joined, such as a direct chat with them. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Sends the event to the channel's room and waits for the homeserver's answer, at most the
     * channel's timeout.
     *
     * @throws IOException if the homeserver refuses the event ({@code the Matrix homeserver answered
     *         HTTP 403: M_FORBIDDEN: …}), does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        sendEvent(notification, settings.roomId(), List.of(settings.accessToken()));
    }

    /** Empty if {@code address} is a room id; else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        return MatrixSettings.problemWithRoom(address);
    }

    /**
     * Sends the event to the recipient's room, its address, as {@link #deliver} does to the channel's.
     *
     * @throws IllegalArgumentException if the address is not a room id (an alias such as
     *         {@code #ops:example.org} is not); the message names the contact, not the address
     * @throws IOException as {@link #deliver}; the homeserver's error is shown without the address
     */
    @Override
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        String roomId = recipient.address();
        sendEvent(notification, roomId, List.of(settings.accessToken(), roomId));
    }

    /** Puts the event into {@code roomId}; {@code unshown} are the values a failure's message must not quote. */
    private void sendEvent(Notification notification, String roomId, List<String> unshown)
            throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.sendUrl(roomId, MatrixMessage.transactionId(notification, roomId)))
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(MatrixMessage.of(notification)))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        if (!answer.isSuccess()) {
            throw new IOException("channel '" + name() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + describe(answer.body(), unshown));
        }
    }

    /** {@code ": M_FORBIDDEN: You are not in this room"} from a Matrix error body; empty if it has none. */
    private static String describe(String body, List<String> unshown) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (IOException notJson) {
            return "";
        }
        if (error == null || !error.isObject()) {
            return "";
        }
        String text = String.join(": ", error.path("errcode").asText(""), error.path("error").asText(""))
                .replaceAll("^: |: $", "");
        for (String value : unshown) {
            text = text.replace(value, "…");
        }
        JsonNode retry = error.path("retry_after_ms");
        String retryText = retry.canConvertToLong() ? " (retry after " + retry.asLong() + " ms)" : "";
        return text.isBlank() ? retryText : ": " + OneLine.of(text, MAX_ERROR) + retryText;
    }

    @Override
    protected String details() {
        return "room=" + settings.roomId() + ", homeserver=" + settings.origin();
    }
}
