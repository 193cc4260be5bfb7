package io.ringwatch.notifiers.xmpp;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.util.TLSUtils;
import org.jivesoftware.smackx.ping.PingManager;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A person's XMPP client in the tests: logged in to the test's Prosody over TLS, online, and
 * collecting every chat message it receives (on Smack's thread). Not thread-safe otherwise.
 */
final class Inbox implements AutoCloseable {
    /** How long a test waits for a message that should come. */
    static final Duration ARRIVAL = Duration.ofSeconds(10);

    private final XMPPTCPConnection connection;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();

    private Inbox(XMPPTCPConnection connection) {
        this.connection = connection;
        connection.addAsyncStanzaListener(stanza -> received.add((Message) stanza), MessageTypeFilter.NORMAL_OR_CHAT);
    }

    /** Logs {@code user} in on the server and sends its presence, so that messages reach it. */
    static Inbox of(ProsodyServer server, String user, String password) throws Exception {
        XMPPTCPConnectionConfiguration.Builder config = XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(JidCreate.domainBareFrom(ProsodyServer.DOMAIN))
                .setUsernameAndPassword(user, password)
                .setHostAddressByNameOrIp("127.0.0.1")
                .setPort(server.port())
                .setConnectTimeout(10_000);
        // The person's side is not under test: it takes the test server's certificate as it comes.
        TLSUtils.acceptAllCertificates(config);
        TLSUtils.disableHostnameVerificationForTlsCertificates(config);
        XMPPTCPConnection connection = new XMPPTCPConnection(config.build());
        connection.setReplyTimeout(10_000);
        Inbox inbox = new Inbox(connection);
        connection.connect().login();
        return inbox;
    }

    /** The next message, waiting at most {@link #ARRIVAL}; fails the test if none comes. */
    Message next() throws InterruptedException {
        Message message = received.poll(ARRIVAL.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            fail("no message arrived within " + ARRIVAL);
        }
        return message;
    }

    /**
     * Sends a chat message to {@code to} from this person, and waits until the server has taken
     * it (a ping to the server, which handles a connection's stanzas in order).
     */
    void say(String to, String body) throws Exception {
        say(to, body, Message.Type.chat, null);
    }

    /**
     * Sends a message of {@code type} to {@code to} (a bare or full JID), with {@code body} and
     * {@code thread} if not null, and waits until the server has taken it.
     */
    void say(String to, String body, Message.Type type, String thread) throws Exception {
        MessageBuilder message = connection.getStanzaFactory().buildMessageStanza()
                .to(JidCreate.from(to)).ofType(type);
        if (body != null) {
            message.setBody(body);
        }
        if (thread != null) {
            message.setThread(thread);
        }
        connection.sendStanza(message.build());
        if (!PingManager.getInstanceFor(connection).pingMyServer(false, ARRIVAL.toMillis())) {
            fail("the server did not answer a ping within " + ARRIVAL);
        }
    }

    /**
     * Checks that nothing came before now: asks {@code other}, another person's inbox, to send a
     * message here, and fails unless it is the next one. What the server routed here before it
     * took that message, it delivers here first, so no pause is needed.
     */
    void assertNothingCameBefore(Inbox other) throws Exception {
        String fence = "fence " + UUID.randomUUID();
        other.say(jid(), fence);
        Message next = next();
        if (!fence.equals(next.getBody())) {
            fail("expected no message here, but one came: " + next.getBody());
        }
    }

    /** The person's bare JID, {@code human@ringwatch.test}. */
    String jid() {
        return connection.getUser().asEntityBareJidString();
    }

    /** Forgets the messages received so far. */
    void clear() {
        received.clear();
    }

    /** Whether no message is waiting. */
    boolean isEmpty() {
        return received.isEmpty();
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
