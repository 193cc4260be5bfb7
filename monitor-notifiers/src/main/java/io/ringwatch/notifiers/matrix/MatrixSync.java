package io.ringwatch.notifiers.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a {@code /sync} answer: the position to sync from next, and the text messages people
 * wrote in the rooms the user has joined. Stateless.
 */
final class MatrixSync {
    /**
     * The sync's filter: timeline {@code m.room.message} events only, with only the fields read
     * here, and nothing else (state, presence, receipts, account data).
     */
    static final String FILTER = filter(50);
    /** The first sync's filter: it only takes the position, so as little as possible of the past. */
    static final String FIRST_FILTER = filter(1);

    private MatrixSync() {
    }

    /**
     * What one sync brought.
     *
     * @param nextBatch where the next sync starts
     * @param messages the text messages, in order, the user's own left out
     */
    record Page(String nextBatch, List<Message> messages) {
        Page {
            Objects.requireNonNull(nextBatch, "nextBatch");
            messages = List.copyOf(messages);
        }
    }

    /**
     * A text message a person wrote in a room.
     *
     * @param roomId the room it was written in
     * @param eventId its event's id
     * @param text what they wrote, without the quote of the message it replies to
     * @param related the events it answers, closest first: the one it replies to, then its thread's root
     * @param at when their homeserver took it
     */
    record Message(String roomId, String eventId, String text, List<String> related, Instant at) {
        Message {
            Objects.requireNonNull(roomId, "roomId");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(text, "text");
            related = List.copyOf(related);
            Objects.requireNonNull(at, "at");
        }

        /** Shows the text's length only: the room and the text are a person's. */
        @Override
        public String toString() {
            return "Message[" + text.length() + " characters, " + related.size() + " related]";
        }
    }

    /**
     * The page in {@code body}, an answer of {@code GET /sync}.
     *
     * @param self the user's own id: its messages are left out
     * @param now when a message does not say when it was sent
     * @return empty if {@code body} has no {@code next_batch}
     */
    static Optional<Page> read(JsonNode body, String self, Instant now) {
        String nextBatch = body.path("next_batch").asText("");
        if (nextBatch.isEmpty()) {
            return Optional.empty();
        }
        List<Message> messages = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> rooms = body.path("rooms").path("join").fields();
        while (rooms.hasNext()) {
            Map.Entry<String, JsonNode> room = rooms.next();
            for (JsonNode event : room.getValue().path("timeline").path("events")) {
                message(room.getKey(), event, self, now).ifPresent(messages::add);
            }
        }
        return Optional.of(new Page(nextBatch, messages));
    }

    /** The event as a person's text message; empty if it is not one, or is an edit of one. */
    private static Optional<Message> message(String roomId, JsonNode event, String self, Instant now) {
        JsonNode content = event.path("content");
        String eventId = event.path("event_id").asText("");
        String sender = event.path("sender").asText("");
        JsonNode relation = content.path("m.relates_to");
        boolean text = event.path("type").asText("").equals("m.room.message")
                && content.path("msgtype").asText("").equals("m.text") && content.path("body").isTextual();
        if (!text || eventId.isEmpty() || sender.isEmpty() || sender.equals(self)
                || relation.path("rel_type").asText("").equals("m.replace")) {
            return Optional.empty();
        }
        List<String> related = new ArrayList<>();
        String inReplyTo = relation.path("m.in_reply_to").path("event_id").asText("");
        if (!inReplyTo.isEmpty()) {
            related.add(inReplyTo);
        }
        if (relation.path("rel_type").asText("").equals("m.thread") && !relation.path("event_id").asText("").isEmpty()) {
            related.add(relation.path("event_id").asText());
        }
        String body = content.path("body").asText();
        String said = (inReplyTo.isEmpty() ? body : withoutQuote(body)).strip();
        if (said.isEmpty()) {
            return Optional.empty();
        }
        JsonNode ts = event.path("origin_server_ts");
        Instant at = ts.canConvertToLong() && ts.asLong() > 0 ? Instant.ofEpochMilli(ts.asLong()) : now;
        return Optional.of(new Message(roomId, eventId, said, related, at));
    }

    /**
     * A reply's body without the quote of the message it replies to, which clients put first
     * ({@code > <@bot:example.org> CRITICAL: …}, then an empty line); the body itself if it has none.
     */
    static String withoutQuote(String body) {
        if (!body.startsWith(">")) {
            return body;
        }
        String[] lines = body.split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].startsWith(">")) {
            i++;
        }
        if (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return String.join("\n", Arrays.asList(lines).subList(i, lines.length));
    }

    private static String filter(int limit) {
        return "{\"event_fields\":[\"type\",\"event_id\",\"sender\",\"origin_server_ts\",\"content.msgtype\","
                + "\"content.body\",\"content.m\\\\.relates_to\"],"
                + "\"presence\":{\"not_types\":[\"*\"]},\"account_data\":{\"not_types\":[\"*\"]},"
                + "\"room\":{\"timeline\":{\"types\":[\"m.room.message\"],\"limit\":" + limit + "},"
                + "\"state\":{\"not_types\":[\"*\"]},\"ephemeral\":{\"not_types\":[\"*\"]},"
                + "\"account_data\":{\"not_types\":[\"*\"]}}}";
    }
}
