package io.ringwatch.notifiers.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.notifiers.channel.ChannelText;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A text message a person wrote to the bot, read from one {@code getUpdates} update.
 * {@link #toString()} shows the message's id and the text's length, never the chat or the text.
 *
 * @param chatId the chat's id as text, {@code 123456789}: the sender's address on the channel
 * @param messageId the message's id in that chat
 * @param text what was written
 * @param replyTo the id of the message of that chat it replies to, if it does
 * @param at when it was sent
 * @param quotedIncident the incident key read from the bot's message it replies to (its last
 *        line, {@code incident <key>}): how an agent that did not send that message knows the incident
 */
record TelegramUpdate(String chatId, long messageId, String text, OptionalLong replyTo, Instant at,
        Optional<String> quotedIncident) {

    /**
     * The message of {@code update}; empty if it holds none, or one that is not text, comes from a
     * bot (this one included) or lacks its chat or id. A message without a date is taken as sent {@code now}.
     */
    static Optional<TelegramUpdate> of(JsonNode update, Instant now) {
        JsonNode message = update.path("message");
        JsonNode text = message.path("text");
        JsonNode chatId = message.path("chat").path("id");
        JsonNode messageId = message.path("message_id");
        if (!text.isTextual() || !chatId.canConvertToLong() || !messageId.canConvertToLong()
                || message.path("from").path("is_bot").asBoolean(false)) {
            return Optional.empty();
        }
        JsonNode replied = message.path("reply_to_message").path("message_id");
        OptionalLong replyTo = replied.canConvertToLong() ? OptionalLong.of(replied.asLong()) : OptionalLong.empty();
        JsonNode date = message.path("date");
        Instant at = date.canConvertToLong() ? Instant.ofEpochSecond(date.asLong()) : now;
        return Optional.of(new TelegramUpdate(Long.toString(chatId.asLong()), messageId.asLong(), text.asText(), replyTo, at,
                quotedIncident(message.path("reply_to_message"))));
    }

    /** The key on the {@code incident <key>} line of a bot's message (ours end so); none for a person's message. */
    private static Optional<String> quotedIncident(JsonNode replied) {
        if (!replied.path("from").path("is_bot").asBoolean(false) || !replied.path("text").isTextual()) {
            return Optional.empty();
        }
        return ChannelText.incidentKeyOf(replied.path("text").asText());
    }

    @Override
    public String toString() {
        return "TelegramUpdate[message " + messageId + ", " + text.length() + " characters"
                + (replyTo.isPresent() ? ", replying to message " + replyTo.getAsLong() : "") + "]";
    }
}
