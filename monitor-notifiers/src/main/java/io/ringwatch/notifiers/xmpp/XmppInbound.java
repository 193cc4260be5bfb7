package io.ringwatch.notifiers.xmpp;

import io.ringwatch.api.InboundMessage;
import java.time.Instant;
import java.util.Optional;
import org.jivesoftware.smack.packet.Message;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

/**
 * Which XMPP messages are a person's words to the bot, and what they become: a chat (or normal)
 * message with a non-blank body from a user's JID other than the bot's own. Errors, group chat,
 * headlines, chat states without a body, and messages from a server are not. Stateless.
 */
final class XmppInbound {

    private XmppInbound() {
    }

    /**
     * The message as the engine takes it: the sender is the bare JID ({@code alice@example.org},
     * as JIDs are normalised: lower case), and it replies to the incident its {@code <thread>}
     * names ({@link XmppThreads#incidentOf}), whichever node sent the notification, if it is one
     * of an incident's threads. Empty if it is not a person's words to the bot.
     */
    static Optional<InboundMessage> of(Message message, XmppSettings settings, Instant at) {
        Message.Type type = message.getType();
        if (type != Message.Type.chat && type != Message.Type.normal) {
            return Optional.empty();
        }
        String body = message.getBody();
        Jid from = message.getFrom();
        EntityBareJid sender = from == null ? null : from.asEntityBareJidIfPossible();
        if (body == null || body.isBlank() || sender == null || sender.equals(settings.jid())) {
            return Optional.empty();
        }
        return Optional.of(new InboundMessage(settings.channel(), sender.toString(), body,
                XmppThreads.incidentOf(message.getThread()), at));
    }
}
