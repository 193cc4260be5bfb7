package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.InboundMessage;
import io.ringwatch.api.NotifierSettings;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jxmpp.jid.impl.JidCreate;

/** Which messages the receiver takes, and what they become. */
class XmppInboundTest {
    private static final Instant AT = Instant.parse("2031-02-03T04:05:06Z");
    private static final String KEY = "n3/orders-api@2031-02-03T04:05:06.789Z";

    private final XmppSettings settings = XmppSettings.from(NotifierSettings.of("ops-xmpp", Map.of(
            "jid", "ringwatch@example.org", "password", "pw", "to", "alice@example.org", "receive", "true")));

    @Test
    void takesAChatMessageFromTheSendersBareJid() throws Exception {
        Optional<InboundMessage> taken = take(message("Alice@Example.org/phone", Message.Type.chat, "status", null));

        assertThat(taken).contains(new InboundMessage("ops-xmpp", "alice@example.org", "status", Optional.empty(), AT));
    }

    @Test
    void takesANormalMessageToo() throws Exception {
        assertThat(take(message("alice@example.org", Message.Type.normal, "help", null))).isPresent();
    }

    @Test
    void repliesToTheIncidentOfANotificationsThreadWhicheverNodeSentIt() throws Exception {
        assertThat(take(message("alice@example.org/a", Message.Type.chat, "ack", XmppThreads.of(KEY))))
                .map(InboundMessage::replyTo).contains(Optional.of(KEY));
        assertThat(take(message("alice@example.org/a", Message.Type.chat, "ack", "some-other-thread")))
                .map(InboundMessage::replyTo).contains(Optional.empty());
    }

    @ParameterizedTest
    @EnumSource(value = Message.Type.class, names = {"error", "groupchat", "headline"})
    void ignoresOtherTypes(Message.Type type) throws Exception {
        assertThat(take(message("alice@example.org/a", type, "ack", null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n "})
    void ignoresAMessageWithoutText(String body) throws Exception {
        assertThat(take(message("alice@example.org/a", Message.Type.chat, body, null))).isEmpty();
        assertThat(take(message("alice@example.org/a", Message.Type.chat, null, null))).as("a chat state").isEmpty();
    }

    @Test
    void ignoresTheBotItselfAndServers() throws Exception {
        assertThat(take(message("ringwatch@example.org/other-node", Message.Type.chat, "ack", null))).isEmpty();
        assertThat(take(message("example.org", Message.Type.chat, "welcome", null))).isEmpty();
        assertThat(take(message(null, Message.Type.chat, "ack", null))).isEmpty();
    }

    private Optional<InboundMessage> take(Message message) {
        return XmppInbound.of(message, settings, AT);
    }

    private static Message message(String from, Message.Type type, String body, String thread) throws Exception {
        MessageBuilder message = StanzaBuilder.buildMessage().ofType(type);
        if (from != null) {
            message.from(JidCreate.from(from));
        }
        if (body != null) {
            message.setBody(body);
        }
        if (thread != null) {
            message.setThread(thread);
        }
        return message.build();
    }
}
