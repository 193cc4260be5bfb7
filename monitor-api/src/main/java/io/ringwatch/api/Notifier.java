package io.ringwatch.api;

import java.util.Optional;

/**
 * Delivers notifications to people over one channel: a chat, a phone, a pager, a webhook.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Threading.</b> The engine calls {@link #send} from one thread at a time per
 *       notifier, in the order notifications were made (but see the timeout below); different notifiers run
 *       independently, so a slow channel never delays another one or the checks.</li>
 *   <li><b>Time.</b> {@code send} may block, but only up to the channel timeout the engine is
 *       configured with (10 s by default). After that the engine records the delivery as
 *       failed, interrupts the calling thread and goes on with the next notification on a
 *       fresh thread; a late return is ignored. So a call that ignores the interrupt may still
 *       be running when the next one starts; while three such calls hang, the channel is not
 *       tried at all (each notification is recorded as failed) until one of them returns.</li>
 *   <li><b>Failure.</b> Throw any exception when delivery fails. The engine records it as a
 *       failed delivery (class and one-line message) and carries on; nothing a notifier throws
 *       stops the engine or another notifier.</li>
 *   <li><b>Secrets.</b> Tokens, passwords and webhook URLs must never appear in
 *       {@link #toString()}, {@link #name()}, exception messages or log lines.</li>
 * </ul>
 */
public interface Notifier extends AutoCloseable {

    /**
     * The channel's name as it appears in events and logs, such as {@code console} or
     * {@code ops-slack}. Never a secret.
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * Delivers one notification.
     *
     * @param notification what to tell
     * @throws Exception when delivery failed; the engine records it and goes on
     */
    void send(Notification notification) throws Exception;

    /**
     * Whether this channel can deliver to a contact's own address ({@link #send(Notification,
     * Recipient)}), as a chat bot, a phone or mail can. A channel that posts to one fixed place
     * (a webhook, an incident tool) cannot: it gets every notification routing lets through, and
     * contacts cannot have an address on it. False by default.
     */
    default boolean sendsToAddresses() {
        return false;
    }

    /**
     * What is wrong with {@code address} as a contact's address on this channel, worded to follow
     * "the address of contact alice": {@code must be one phone number, E.164 (+15558675310)}.
     * Empty if it is fine, and for a channel that does not send to addresses. Never quotes the
     * address. The engine asks for every contact's address when it is built, so that a wrong
     * one is found before anything has to be sent; {@link #send(Notification, Recipient)} checks
     * again. Empty by default.
     */
    default Optional<String> addressProblem(String address) {
        return Optional.empty();
    }

    /**
     * Delivers one notification to one contact, at the contact's address on this channel
     * instead of the channel's own destination. Same contract as {@link #send(Notification)}.
     * Called only if {@link #sendsToAddresses()} is true.
     *
     * @param notification what to tell
     * @param recipient whom, and where on this channel
     * @throws Exception when delivery failed; the engine records it and goes on
     * @throws UnsupportedOperationException by default: the channel has one fixed destination
     */
    default void send(Notification notification, Recipient recipient) throws Exception {
        throw new UnsupportedOperationException("channel '" + name() + "' sends to one fixed destination,"
                + " not to a contact's address");
    }

    /**
     * Whether this channel also receives messages from people (a chat bot, XMPP, a call's
     * keypress): then the engine calls {@link #startReceiving} once it runs. False by default.
     */
    default boolean receives() {
        return false;
    }

    /**
     * Starts receiving: from now until {@link #close()}, hand every message that arrives to
     * {@code conversation} and send its answer, if not empty, back to the sender on this channel.
     * Must not block: receive on a thread of the notifier's own (one, however many messages).
     * Called once, after the engine started, only if {@link #receives()} is true. Does nothing by
     * default.
     */
    default void startReceiving(Conversation conversation) {
    }

    /**
     * The part of this channel that takes its provider's HTTP callbacks (a callee's keypress),
     * if it has one: the node's status endpoint then hands it every {@code POST} to
     * {@code /ringwatch/v1/callback/<channel name>}. Empty by default.
     */
    default Optional<CallbackReceiver> callbacks() {
        return Optional.empty();
    }

    /** Releases what the notifier holds. Called once, when the engine closes. */
    @Override
    default void close() {
    }
}
