package io.ringwatch.notifiers.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.ChannelText;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sends each notification to one Telegram chat with the Bot API's {@code sendMessage}
 * ({@link TelegramMessage}), or to a contact's own chat, whose id is the contact's address, and
 * remembers which message told of which incident ({@link SentMessages}). Also sends the plain-text
 * answers to messages people wrote to the bot. The API answers {@code {"ok":true,...}} when the
 * message is sent; {@code {"ok":false,"description":...}} (with any status) or a non-2xx answer
 * makes {@link #send} throw an {@link IOException} naming the channel, the status and Telegram's
 * description, never the token or a contact's chat.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class TelegramSender extends HttpNotifier {
    /** The longest text {@code sendMessage} takes. */
    static final int MAX_TEXT = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TelegramSettings settings;
    private final TelegramApi api;
    private final SentMessages sent = new SentMessages();

    /** @param longestPoll the longest {@code getUpdates} long poll {@link #api()} will be asked for */
    TelegramSender(TelegramSettings settings, Duration longestPoll) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
        this.api = new TelegramApi(settings, http(), longestPoll);
    }

    /** The Bot API as this channel calls it. */
    TelegramApi api() {
        return api;
    }

    /** Which of the notifications sent last told of which incident. */
    SentMessages sent() {
        return sent;
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
        sendMessage(notification, settings.chatId(), List.of());
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
        sendMessage(notification, chatId, List.of(chatId));
    }

    /**
     * Sends {@code text} as plain text to {@code chatId}, in reply to its message {@code replyTo}
     * (or without a reply if that message is gone), cut to {@value #MAX_TEXT} characters.
     *
     * @throws IOException as {@link #deliver}, never quoting the chat
     */
    void answer(String chatId, long replyTo, String text) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode()
                .put("chat_id", chatId)
                .put("text", ChannelText.cut(text, MAX_TEXT))
                .put("reply_to_message_id", replyTo)
                .put("allow_sending_without_reply", true));
        api.sendMessage(body, List.of(chatId));
    }

    /** Posts the message to {@code chatId} and remembers its id; {@code unshown} are the values a failure's message must not quote. */
    private void sendMessage(Notification notification, String chatId, List<String> unshown)
            throws IOException, InterruptedException {
        JsonNode message = api.sendMessage(TelegramMessage.of(notification, chatId), unshown);
        JsonNode messageId = message.path("message_id");
        if (messageId.canConvertToLong()) {
            JsonNode chat = message.path("chat").path("id");
            sent.remember(chat.canConvertToLong() ? chat.asText() : chatId, messageId.asLong(), notification.incidentKey());
        }
    }

    @Override
    protected String details() {
        return "chat=" + settings.chatId() + ", api=" + settings.origin() + (settings.receive() ? ", receiving" : "");
    }
}
