package io.ringwatch.api;

/**
 * The engine's side of two-way messages: a receiving channel hands it every message it receives
 * and sends the answer back to the sender, on the same channel. Only senders known as contacts
 * are heard: anything else is logged as rejected and answered with nothing.
 *
 * <p>Thread-safe; answers at once (it runs no check and waits for no network).
 */
public interface Conversation {

    /**
     * Takes one message: writes it into the event log, carries out the command it holds
     * ({@code ack}, {@code status}, {@code mute}, ...), and says what to answer.
     *
     * @return the answer for the sender, in plain text (possibly several lines); empty when the
     *         sender is to be answered with nothing (an unknown sender)
     * @throws NullPointerException if {@code message} is null
     */
    String received(InboundMessage message);
}
