package io.ringwatch.notifiers.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.notifiers.channel.ChannelText;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which incident a person's message answers, from the events it relates to (the one it replies
 * to, then its thread's root): an event this channel sent is looked up in its {@link SentEvents};
 * any other is fetched from the homeserver, and if it is a notification the bot's user sent (from
 * another agent sharing the account, or before a restart) the key is read from its last line,
 * {@code incident <key>}. The reply's own fallback quote ({@code > <@bot:example.org> …}) is never
 * read: the person's client writes it, so anyone can forge it, and the spec no longer asks clients
 * to send one. Thread-safe.
 */
final class RepliedIncident {
    private static final System.Logger LOG = System.getLogger(RepliedIncident.class.getName());

    private final String channel;
    private final MatrixClient client;
    private final SentEvents sent;

    RepliedIncident(String channel, MatrixClient client, SentEvents sent) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.client = Objects.requireNonNull(client, "client");
        this.sent = Objects.requireNonNull(sent, "sent");
    }

    /**
     * The incident of the first of {@code related} that is a notification of the bot's, closest first;
     * empty if none is. An event that cannot be fetched (not found, not visible, the homeserver
     * unreachable) tells nothing, and is logged at debug level.
     *
     * @param roomId the room the message was written in, where the related events are
     * @param self the bot's user id, {@code @bot:example.org}
     * @throws InterruptedException if the calling thread is interrupted while fetching
     */
    Optional<String> of(String roomId, List<String> related, String self) throws InterruptedException {
        for (String eventId : related) {
            Optional<String> incident = sent.incidentOf(eventId);
            if (incident.isEmpty()) {
                incident = fetched(roomId, eventId, self);
            }
            if (incident.isPresent()) {
                return incident;
            }
        }
        return Optional.empty();
    }

    private Optional<String> fetched(String roomId, String eventId, String self) throws InterruptedException {
        try {
            return incidentOfNotification(client.event(roomId, eventId), roomId, self);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "channel ''{0}'': could not fetch the event a message relates to: {1}", channel,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The incident {@code event} tells of, if it is one of the bot's notifications: an
     * {@code m.room.message} of the room {@code roomId}, sent by {@code self}, that replies to
     * nothing (the bot's answers to people do), whose text body's last line names an incident.
     */
    static Optional<String> incidentOfNotification(JsonNode event, String roomId, String self) {
        JsonNode content = event.path("content");
        boolean notification = event.path("type").asText("").equals("m.room.message")
                && event.path("sender").asText("").equals(self)
                && event.path("room_id").asText(roomId).equals(roomId)
                && content.path("body").isTextual()
                && content.path("m.relates_to").isMissingNode();
        return notification ? ChannelText.incidentKeyOf(content.path("body").asText()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "RepliedIncident[channel=" + channel + "]";
    }
}
