package io.ringwatch.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a person sent to Ringwatch over a channel that receives: a chat reply, a line typed
 * to the bot, a key pressed during a call. A receiving channel makes one for each message and
 * hands it to the engine's {@link Conversation}.
 *
 * <p>{@link #toString()} shows the channel and the text's length, never the sender's address
 * nor the text: both are a person's.
 *
 * @param channel the name of the channel it came on
 * @param sender the sender's address on that channel, in the channel's own form (a chat id, a
 *        Jabber id, a phone number): the engine knows contacts by it
 * @param text what they wrote, as received (the engine keeps it to one line before it logs it)
 * @param replyTo the incident key of the notification it answers, if the channel knows it
 * @param at when it arrived
 */
public record InboundMessage(String channel, String sender, String text, Optional<String> replyTo, Instant at) {

    /** @throws NullPointerException if a value is null */
    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(at, "at");
    }

    /** A message that answers no notification in particular. */
    public static InboundMessage of(String channel, String sender, String text, Instant at) {
        return new InboundMessage(channel, sender, text, Optional.empty(), at);
    }

    /** {@code InboundMessage[channel=ops-telegram, 17 characters]}. */
    @Override
    public String toString() {
        return "InboundMessage[channel=" + channel + ", " + text.length() + " characters"
                + replyTo.map(key -> ", replying to " + key).orElse("") + "]";
    }
}
