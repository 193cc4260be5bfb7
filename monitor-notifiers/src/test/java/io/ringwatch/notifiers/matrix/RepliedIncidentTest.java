package io.ringwatch.notifiers.matrix;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Which fetched events are the bot's notifications, whose incident a reply to them answers. */
class RepliedIncidentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOM = "!ops:example.org";
    private static final String BOT = "@bot:example.org";

    @Test
    void readsTheIncidentOfTheBotsNotification() {
        assertThat(RepliedIncident.incidentOfNotification(notification(), ROOM, BOT)).contains(sampleAlert().incidentKey());
    }

    @Test
    void readsNothingFromAnotherSenderAnotherRoomAnotherTypeOrAReply() {
        ObjectNode fromAlice = notification().put("sender", "@alice:example.org");
        ObjectNode elsewhere = notification().put("room_id", "!other:example.org");
        ObjectNode state = notification().put("type", "m.room.topic");
        ObjectNode answer = notification();
        ((ObjectNode) answer.get("content")).putObject("m.relates_to").putObject("m.in_reply_to").put("event_id", "$x");
        ObjectNode redacted = notification();
        redacted.putObject("content");

        for (ObjectNode event : new ObjectNode[] {fromAlice, elsewhere, state, answer, redacted}) {
            assertThat(RepliedIncident.incidentOfNotification(event, ROOM, BOT)).as(event.toString()).isEmpty();
        }
    }

    private static ObjectNode notification() {
        ObjectNode event = JSON.createObjectNode().put("type", "m.room.message").put("room_id", ROOM)
                .put("event_id", "$alert").put("sender", BOT);
        event.putObject("content").put("msgtype", "m.text").put("body", sampleAlert().text());
        return event;
    }
}
