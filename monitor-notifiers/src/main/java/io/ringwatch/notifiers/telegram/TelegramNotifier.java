package io.ringwatch.notifiers.telegram;

import io.ringwatch.api.Conversation;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A telegram channel: sends notifications with {@link TelegramSender} and, with {@code receive: true},
 * receives what people write to the bot with a {@link TelegramReceiver}. A message's sender is its
 * chat's id, and a reply to a notification answers that notification's incident.
 *
 * <p>Thread-safe. {@link #close()} stops receiving and refuses further sends; it is idempotent.
 */
final class TelegramNotifier implements Notifier {
    private final TelegramSettings settings;
    private final TelegramReceiver.Pacing pacing;
    private final Clock clock;
    private final TelegramSender sender;
    private TelegramReceiver receiver;
    private boolean closed;

    TelegramNotifier(TelegramSettings settings) {
        this(settings, TelegramReceiver.Pacing.DEFAULT, Clock.systemUTC());
    }

    TelegramNotifier(TelegramSettings settings, TelegramReceiver.Pacing pacing, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pacing = Objects.requireNonNull(pacing, "pacing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sender = new TelegramSender(settings, Duration.ofSeconds(pacing.pollSeconds()));
    }

    @Override
    public String name() {
        return sender.name();
    }

    /** As {@link TelegramSender#deliver}. */
    @Override
    public void send(Notification notification) throws IOException, InterruptedException {
        sender.send(notification);
    }

    /** True: a contact's address is the id of a chat the bot may write to, such as the person's private chat with it. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    @Override
    public Optional<String> addressProblem(String address) {
        return sender.addressProblem(address);
    }

    /** As {@link TelegramSender#deliverTo}. */
    @Override
    public void send(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        sender.send(notification, recipient);
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
        if (closed) {
            throw new IllegalStateException("channel '" + name() + "' is closed");
        }
        if (receiver != null) {
            throw new IllegalStateException("channel '" + name() + "' receives already");
        }
        receiver = new TelegramReceiver(name(), sender, conversation, pacing, clock);
        receiver.start();
    }

    /** Whether messages are being received: started and not closed. */
    synchronized boolean isReceiving() {
        return receiver != null && receiver.isAlive();
    }

    /** Stops receiving, waiting up to 2 s for the poll to end, and refuses further sends. */
    @Override
    public synchronized void close() {
        closed = true;
        sender.close();
        if (receiver != null) {
            receiver.stop();
        }
    }

    /** {@code TelegramNotifier[channel=ops, chat=-100123, api=https://api.telegram.org:443, timeout=PT10S]}; never the token. */
    @Override
    public String toString() {
        return "TelegramNotifier[channel=" + name() + ", chat=" + settings.chatId() + ", api=" + settings.origin()
                + (settings.receive() ? ", receiving" : "") + ", timeout=" + settings.timeout() + "]";
    }
}
