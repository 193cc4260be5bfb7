package io.ringwatch.notifiers.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.Notification;
import io.ringwatch.api.OneLine;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;

/**
 * Sends each notification to one Telegram chat with the Bot API's {@code sendMessage}
 * ({@link TelegramMessage}). The API answers {@code {"ok":true,...}} when the message is sent;
 * {@code {"ok":false,"description":...}} (with any status) or a non-2xx answer makes
 * {@link #send} throw an {@link IOException} naming the channel, the status and Telegram's
 * description, never the token.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class TelegramNotifier extends HttpNotifier {
    static final String PROVIDER = "Telegram";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DESCRIPTION = 200;

    private final TelegramSettings settings;

    TelegramNotifier(TelegramSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /**
     * Sends the message and waits for Telegram's answer, at most the channel's timeout.
     *
     * @throws IOException if Telegram refuses the message ({@code Telegram answered HTTP 400: Bad
     *         Request: chat not found}), does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.sendMessageUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TelegramMessage.of(notification, settings.chatId())))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        JsonNode body = parse(answer.body());
        if (!answer.isSuccess() || !body.path("ok").asBoolean(false)) {
            throw new IOException("channel '" + name() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + (answer.isSuccess() && body.isMissingNode() ? " without {\"ok\":true}" : "") + describe(body));
        }
    }

    /** {@code ": Bad Request: chat not found"}, and when to retry, from an error answer; empty if it has none. */
    private String describe(JsonNode body) {
        String description = body.path("description").asText("");
        String text = description.isBlank() ? "" : ": " + OneLine.of(description.replace(settings.token(), "…"), MAX_DESCRIPTION);
        JsonNode retryAfter = body.path("parameters").path("retry_after");
        return retryAfter.canConvertToLong() ? text + " (retry after " + retryAfter.asLong() + " s)" : text;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null || !node.isObject() ? JSON.missingNode() : node;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    @Override
    protected String details() {
        return "chat=" + settings.chatId() + ", api=" + settings.origin();
    }
}
