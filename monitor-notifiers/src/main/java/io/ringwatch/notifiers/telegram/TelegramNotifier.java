package io.ringwatch.notifiers.telegram;

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
 * Sends each notification to one Telegram chat with the Bot API's {@code sendMessage}
 * ({@link TelegramMessage}), or to a contact's own chat, whose id is the contact's address. The
 * API answers {@code {"ok":true,...}} when the message is sent; {@code {"ok":false,"description":...}}
 * (with any status) or a non-2xx answer makes {@link #send} throw an {@link IOException} naming
 * the channel, the status and Telegram's description, never the token or a contact's chat.
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

    /** True: a contact's address is the id of a chat the bot may write to, such as the person's private chat with it. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Sends the message to the channel's chat and waits for Telegram's answer, at most the channel's timeout.
     *
     * @throws IOException if Telegram refuses the message ({@code Telegram answered HTTP 400: Bad
     *         Request: chat not found}), does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        sendMessage(notification, settings.chatId(), List.of(settings.token()));
    }

    /** Empty if {@code address} is a chat's number or a public channel's @username; else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        return TelegramSettings.isChat(address) ? Optional.empty() : Optional.of(TelegramSettings.CHAT_EXPECTED);
    }

    /**
     * Sends the message to the recipient's chat, its address, as {@link #deliver} does to the channel's.
     *
     * @throws IllegalArgumentException if the address is not a chat's number or a public channel's
     *         {@code @username}; the message names the contact, not the address
     * @throws IOException as {@link #deliver}; Telegram's description is shown without the address
     *         ({@code Forbidden: bot was blocked by the user} when the person has not started the bot)
     */
    @Override
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        String chatId = recipient.address();
        sendMessage(notification, chatId, List.of(settings.token(), chatId));
    }

    /** Posts the message to {@code chatId}; {@code unshown} are the values a failure's message must not quote. */
    private void sendMessage(Notification notification, String chatId, List<String> unshown)
            throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.sendMessageUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(TelegramMessage.of(notification, chatId)))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        JsonNode body = parse(answer.body());
        if (!answer.isSuccess() || !body.path("ok").asBoolean(false)) {
            throw new IOException("channel '" + name() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + (answer.isSuccess() && body.isMissingNode() ? " without {\"ok\":true}" : "")
                    + describe(body, unshown));
        }
    }

    /** {@code ": Bad Request: chat not found"}, and when to retry, from an error answer; empty if it has none. */
    private static String describe(JsonNode body, List<String> unshown) {
        String description = body.path("description").asText("");
        for (String value : unshown) {
            description = description.replace(value, "…");
        }
        String text = description.isBlank() ? "" : ": " + OneLine.of(description, MAX_DESCRIPTION);
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
