package io.ringwatch.notifiers.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.Notification;
import io.ringwatch.api.OneLine;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Sends each notification to one Matrix room as an {@code m.room.message} event
 * ({@link MatrixMessage}), authenticated with the access token as a bearer token. A 2xx answer
 * is a delivery; any other makes {@link #send} throw an {@link IOException} naming the channel,
 * the status and the homeserver's {@code errcode} and {@code error}, never the token.
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

    /**
     * Sends the event and waits for the homeserver's answer, at most the channel's timeout.
     *
     * @throws IOException if the homeserver refuses the event ({@code the Matrix homeserver answered
     *         HTTP 403: M_FORBIDDEN: …}), does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.sendUrl(MatrixMessage.transactionId(notification)))
                .header("Authorization", "Bearer " + settings.accessToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(MatrixMessage.of(notification)))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        if (!answer.isSuccess()) {
            throw new IOException("channel '" + name() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + describe(answer.body()));
        }
    }

    /** {@code ": M_FORBIDDEN: You are not in this room"} from a Matrix error body; empty if it has none. */
    private String describe(String body) {
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
        JsonNode retry = error.path("retry_after_ms");
        String retryText = retry.canConvertToLong() ? " (retry after " + retry.asLong() + " ms)" : "";
        return text.isBlank() ? retryText
                : ": " + OneLine.of(text.replace(settings.accessToken(), "…"), MAX_ERROR) + retryText;
    }

    @Override
    protected String details() {
        return "room=" + settings.roomId() + ", homeserver=" + settings.origin();
    }
}
