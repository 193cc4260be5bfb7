package io.ringwatch.notifiers.gotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.Notification;
import io.ringwatch.api.OneLine;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Pushes each notification to Gotify: {@code POST {server}/message} with the application token in
 * the {@code X-Gotify-Key} header (never in the query, where proxies would log it) and a JSON
 * body ({@link GotifyMessage}). A 2xx answer is a delivery; any other makes {@link #send} throw an
 * {@link IOException} naming the channel, the status and Gotify's error, never the token.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class GotifyNotifier extends HttpNotifier {
    static final String PROVIDER = "Gotify";
    static final String KEY_HEADER = "X-Gotify-Key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 200;

    private final GotifySettings settings;

    GotifyNotifier(GotifySettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /**
     * Pushes the message and waits for the server's answer, at most the channel's timeout.
     *
     * @throws IOException if Gotify refuses it ({@code Gotify answered HTTP 401: Unauthorized: …}),
     *         does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.messageUrl())
                .header(KEY_HEADER, settings.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(GotifyMessage.of(notification)))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        if (!answer.isSuccess()) {
            throw new IOException("channel '" + name() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + describe(answer.body()));
        }
    }

    /** {@code ": Unauthorized: you need to provide a valid access token…"} from Gotify's error body; empty if none. */
    private String describe(String body) {
        try {
            JsonNode error = JSON.readTree(body);
            if (error == null || !error.isObject()) {
                return "";
            }
            String text = String.join(": ", error.path("error").asText(""), error.path("errorDescription").asText(""))
                    .replaceAll("^: |: $", "");
            return text.isBlank() ? "" : ": " + OneLine.of(text.replace(settings.token(), "…"), MAX_ERROR);
        } catch (IOException notJson) {
            return "";
        }
    }

    @Override
    protected String details() {
        return "server=" + settings.origin();
    }
}
