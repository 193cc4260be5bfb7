package io.ringwatch.notifiers.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.api.Conversation;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A telegram channel. Sends each notification to one Telegram chat with the Bot API's
 * {@code sendMessage} ({@link TelegramMessage}), or to a contact's own chat, whose id is the
 * contact's address, and remembers which message told of which incident ({@link SentMessages}).
 * The API answers {@code {"ok":true,...}} when the message is sent; {@code {"ok":false,"description":...}}
 * (with any status) or a non-2xx answer makes {@link #send} throw an {@link IOException} naming the
 * channel, the status and Telegram's description, never the token or a contact's chat.
 *
 * <p>With {@code receive: true}, {@link #startReceiving} starts a {@link TelegramReceiver}, which
 * hands what people write to the bot to the conversation: a message's sender is its chat's id, and
 * a reply to a notification answers that notification's incident.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent, stops receiving (waiting up to
 * 2 s for the poll to end), and a send after it throws {@link IllegalStateException}.
 */
final class TelegramNotifier extends HttpNotifier {
    private final TelegramSettings settings;
    private final TelegramReceiver.Pacing pacing;
    private final Clock clock;
    private final TelegramApi api;
    private final SentMessages sent = new SentMessages();
    /** Set once by {@link #startReceiving}, under this object's lock. */
    private TelegramReceiver receiver;

    TelegramNotifier(TelegramSettings settings) {
        this(settings, TelegramReceiver.Pacing.DEFAULT, Clock.systemUTC());
    }

    TelegramNotifier(TelegramSettings settings, TelegramReceiver.Pacing pacing, Clock clock) {
        super(Objects.requireNonNull(settings, "settings").channel(), settings.timeout());
        this.settings = settings;
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.api = new TelegramApi(settings, http(), Duration.ofSeconds(pacing.pollSeconds()));
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

    /** Whether the channel's {@code receive} setting is true. */
    @Override
    public boolean receives() {
        return settings.receive();
    }

    /**
     * Starts polling Telegram for the messages people write to the bot, on a thread of its own.
     *
     * @throws IllegalStateException if the channel does not receive, already does, or is closed
     * @throws NullPointerException if {@code conversation} is null
     */
    @Override
    public synchronized void startReceiving(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        if (!settings.receive()) {
            throw new IllegalStateException("channel '" + name() + "' does not receive messages (receive: false)");
        }
        if (isClosed()) {
            throw new IllegalStateException("channel '" + name() + "' is closed");
        }
        if (receiver != null) {
            throw new IllegalStateException("channel '" + name() + "' receives already");
        }
        receiver = new TelegramReceiver(name(), api, sent, conversation, pacing, clock);
        receiver.start();
    }

    /** Whether messages are being received: started and not closed. */
    synchronized boolean isReceiving() {
        return receiver != null && receiver.isAlive();
    }

    /** Which of the notifications sent last told of which incident. */
    SentMessages sent() {
        return sent;
    }

    /** Stops receiving, waiting up to 2 s for the poll to end. */
    @Override
    protected synchronized void onClose() {
        if (receiver != null) {
            receiver.stop();
        }
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

    /** {@code chat=-100123, api=https://api.telegram.org:443[, receiving]}; never the token. */
    @Override
    protected String details() {
        return "chat=" + settings.chatId() + ", api=" + settings.origin() + (settings.receive() ? ", receiving" : "");
    }
}
