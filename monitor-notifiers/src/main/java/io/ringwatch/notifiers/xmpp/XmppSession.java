package io.ringwatch.notifiers.xmpp;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Recipient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityJid;
import org.jxmpp.jid.Jid;

/**
 * One logged-in connection of the bot's account, kept open between notifications. A message
 * counts as delivered when the server has taken it: after the messages, the session pings the
 * server (XEP-0199), which handles a stream's stanzas in order, so its answer means it has
 * routed them; a message it bounced before answering (an unknown recipient) is a failure.
 *
 * <p>Not thread-safe: one delivery at a time, except {@link #abort()}, which any thread may call
 * to end a delivery that hangs.
 */
final class XmppSession {
    private final XMPPTCPConnection connection;
    private final XmppSettings settings;
    private final XmppFailures failures;

    private XmppSession(XMPPTCPConnection connection, XmppSettings settings) {
        this.connection = connection;
        this.settings = settings;
        this.failures = new XmppFailures(settings);
    }

    /**
     * Connects (STARTTLS as {@code security} says), logs in and binds a resource; sends no
     * presence, so the bot does not show as online and gets no chat messages sent to its bare JID.
     *
     * @throws IOException if the server cannot be reached, refuses TLS or the login, or does not
     *         answer; the message names the channel and never the password
     * @throws InterruptedException if the calling thread is interrupted; the connection is dropped
     */
    static XmppSession open(XmppSettings settings) throws IOException, InterruptedException {
        return open(settings, false, null);
    }

    /**
     * As {@link #open(XmppSettings)}, and hands every message stanza that arrives to
     * {@code inbound} (on Smack's thread; it must not block), if not null. With {@code available}
     * the session sends presence, so that the server routes chat sent to the bare JID to it, and
     * returns once the server has taken that presence.
     */
    static XmppSession open(XmppSettings settings, boolean available, Consumer<Message> inbound)
            throws IOException, InterruptedException {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(settings.jid().asDomainBareJid())
                .setUsernameAndPassword(settings.jid().getLocalpart(), settings.password())
                .setSecurityMode(settings.security())
                .setConnectTimeout(timeoutMillis)
                .setSendPresence(available)
                .setCompressionEnabled(false);
        settings.resource().ifPresent(config::setResource);
        settings.host().ifPresent(host -> config.setHostAddressByNameOrIp(host).setPort(settings.port()));
        settings.trust().applyTo(config);
        XMPPTCPConnection connection = new XMPPTCPConnection(config.build());
        connection.setReplyTimeout(timeoutMillis);
        if (inbound != null) {
            connection.addSyncStanzaListener(stanza -> inbound.accept((Message) stanza), StanzaTypeFilter.MESSAGE);
        }
        try {
            connection.connect();
            connection.login();
            if (available) {
                // The server handles a stream in order: once it answers, it routes chat to this login.
                PingManager.getInstanceFor(connection).pingMyServer(false, settings.timeout().toMillis());
            }
            return new XmppSession(connection, settings);
        } catch (SmackException | XMPPException | IOException | RuntimeException e) {
            connection.instantShutdown();
            throw new XmppFailures(settings).connecting(e);
        } catch (InterruptedException e) {
            connection.instantShutdown();
            throw e;
        }
    }

    /** Whether the connection is still up and logged in: a server restart or a network error ends it. */
    boolean isUsable() {
        return connection.isConnected() && connection.isAuthenticated();
    }

    /**
     * Sends {@code notification} to every recipient and waits until the server has taken it.
     *
     * @throws IOException if the connection is lost, the server bounces a message, or it does not
     *         answer the ping within the channel's timeout
     * @throws InterruptedException if the calling thread is interrupted
     */
    void deliver(Notification notification) throws IOException, InterruptedException {
        Map<EntityJid, String> recipients = new LinkedHashMap<>();
        settings.recipients().forEach(to -> recipients.put(to, to.toString()));
        deliver(notification, recipients, List.of());
    }

    /**
     * Sends {@code notification} to one contact's JID only and waits until the server has taken
     * it. A bounce names the contact, never the JID.
     *
     * @throws IOException as {@link #deliver(Notification)}
     * @throws InterruptedException if the calling thread is interrupted
     */
    void deliverTo(Notification notification, EntityBareJid to, Recipient contact) throws IOException, InterruptedException {
        deliver(notification, Map.of(to, "contact " + contact.contact()), List.of(to.toString(), contact.address()));
    }

    /**
     * @param recipients each recipient's JID, and how a failure names it
     * @param hidden what a failure must not show, should the server quote it
     */
    private void deliver(Notification notification, Map<EntityJid, String> recipients, List<String> hidden)
            throws IOException, InterruptedException {
        Map<String, String> recipientOfId = new LinkedHashMap<>();
        List<Message> messages = new ArrayList<>();
        for (Map.Entry<EntityJid, String> to : recipients.entrySet()) {
            Message message = XmppMessages.of(notification, to.getKey(), connection.getStanzaFactory());
            messages.add(message);
            recipientOfId.put(message.getStanzaId(), to.getValue());
        }
        StanzaFilter[] ours = recipientOfId.keySet().stream().map(StanzaIdFilter::new).toArray(StanzaFilter[]::new);
        StanzaCollector bounces = connection.createStanzaCollector(new AndFilter(MessageTypeFilter.ERROR, new OrFilter(ours)));
        try {
            for (Message message : messages) {
                connection.sendStanza(message);
            }
            boolean answered = PingManager.getInstanceFor(connection).pingMyServer(false, settings.timeout().toMillis());
            Message bounce = bounces.pollResult();
            if (bounce != null) {
                throw failures.refused(recipientOfId.get(bounce.getStanzaId()), bounce.getError(), hidden);
            }
            if (!answered) {
                throw failures.unconfirmed();
            }
        } catch (SmackException e) {
            throw failures.sending(e);
        } finally {
            bounces.cancel();
        }
    }

    /**
     * Sends one chat message with {@code body} to {@code to}, in {@code thread} if not null,
     * without waiting for the server to confirm it.
     *
     * @throws IOException if the connection is lost
     * @throws InterruptedException if the calling thread is interrupted
     */
    void answer(Jid to, String thread, String body) throws IOException, InterruptedException {
        MessageBuilder answer = connection.getStanzaFactory().buildMessageStanza()
                .to(to)
                .ofType(Message.Type.chat)
                .setBody(XmppMessages.bodyOf(body));
        if (thread != null) {
            answer.setThread(thread);
        }
        try {
            connection.sendStanza(answer.build());
        } catch (SmackException e) {
            throw failures.sending(e);
        }
    }

    /** Ends the connection at once, from any thread: a delivery in progress fails. */
    void abort() {
        connection.instantShutdown();
    }

    /** Says goodbye to the server (bounded by the reply timeout) and closes the connection. */
    void close() {
        connection.setReplyTimeout(Math.min(connection.getReplyTimeout(), 2_000));
        connection.disconnect();
    }

    @Override
    public String toString() {
        return "XmppSession[" + settings.account() + " at " + settings.server() + (isUsable() ? ", logged in" : ", closed") + "]";
    }
}
