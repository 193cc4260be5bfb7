package io.ringwatch.notifiers.xmpp;

import io.ringwatch.api.Notification;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaFactory;
import org.jxmpp.jid.EntityJid;

/**
 * What a notification becomes in XMPP: one {@code <message type="chat">} per recipient whose
 * {@code <body>} is {@link Notification#text()} and whose {@code <thread>} is the same for every
 * message of one incident ({@link XmppThreads}), so that clients show an incident's alert,
 * reminders and recovery together (XEP-0201), and a reply in it is known to answer the incident.
 * Stateless.
 */
final class XmppMessages {
    private XmppMessages() {
    }

    /** The message to {@code to}, with a fresh stanza id from {@code stanzas}. */
    static Message of(Notification notification, EntityJid to, StanzaFactory stanzas) {
        return stanzas.buildMessageStanza()
                .to(to)
                .ofType(Message.Type.chat)
                .setThread(XmppThreads.of(notification.incidentKey()))
                .setBody(bodyOf(notification.text()))
                .build();
    }

    /**
     * {@code text} with every character XML 1.0 cannot carry (control characters other than tab,
     * line feed and carriage return; half a surrogate pair; U+FFFE and U+FFFF) replaced by
     * U+FFFD: the server would otherwise close the stream.
     */
    static String bodyOf(String text) {
        StringBuilder body = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            body.appendCodePoint(allowed ? c : 0xFFFD);
        }
        return body.toString();
    }
}
